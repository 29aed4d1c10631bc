package io.tenure.server.web;

import io.tenure.server.security.StaffUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The signed-in user for the page layout (navigation by role, region label). */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAdvice {
    @ModelAttribute("me")
    StaffUser me() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof StaffUser u ? u : null;
    }

    @ModelAttribute("langZh")
    String langZh() {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang", "zh").build().toUriString();
    }

    @ModelAttribute("langEn")
    String langEn() {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang", "en").build().toUriString();
    }
}
