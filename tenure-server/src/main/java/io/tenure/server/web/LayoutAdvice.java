package io.tenure.server.web;

import io.tenure.server.security.StaffUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the page layout needs (the signed-in user for navigation by role and the region label, the language links),
 * added to rendered pages only: API answers and redirects skip it.
 */
class LayoutAdvice implements HandlerInterceptor {
    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mv) {
        if (mv == null || (mv.getViewName() != null && mv.getViewName().startsWith("redirect:"))) {
            return;
        }
        decorate(mv);
    }

    /** Adds the layout's values to a page (also the error pages, which no interceptor sees). */
    static void decorate(ModelAndView mv) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        mv.addObject("me", a != null && a.getPrincipal() instanceof StaffUser u ? u : null);
        mv.addObject("langZh", ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang", "zh").build().toUriString());
        mv.addObject("langEn", ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang", "en").build().toUriString());
    }
}
