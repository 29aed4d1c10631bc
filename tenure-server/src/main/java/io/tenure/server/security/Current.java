package io.tenure.server.security;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request. */
public final class Current {
    private Current() {
    }

    public static StaffUser user() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.getPrincipal() instanceof StaffUser u) {
            return u;
        }
        throw new TenureException(ErrorCode.FORBIDDEN, "not signed in");
    }

    /** The client's address as seen by the server (behind a proxy, configure server.forward-headers-strategy). */
    public static String addr(HttpServletRequest request) {
        return request == null ? null : request.getRemoteAddr();
    }
}
