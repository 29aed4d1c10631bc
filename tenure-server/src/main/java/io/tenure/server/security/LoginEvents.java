package io.tenure.server.security;

import io.tenure.server.ServerSettings;
import io.tenure.server.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Sign-ins and failures: audited, failures counted, the account locked after too many in a row. */
@Component
class LoginEvents {
    private final Users users;
    private final AuditLog audit;
    private final ServerSettings settings;

    LoginEvents(Users users, AuditLog audit, ServerSettings settings) {
        this.users = users;
        this.audit = audit;
        this.settings = settings;
    }

    @EventListener
    void success(AuthenticationSuccessEvent e) {
        if (e.getAuthentication().getPrincipal() instanceof StaffUser u && !u.isToken()) {
            users.succeeded(u.username());
            audit.append(u.username(), AuditLog.Action.LOGIN, null, null, addr(e.getAuthentication().getDetails()));
        }
    }

    @EventListener
    void failure(AbstractAuthenticationFailureEvent e) {
        String name = e.getAuthentication().getName();
        String addr = addr(e.getAuthentication().getDetails());
        audit.append(name, AuditLog.Action.LOGIN_FAILED, null, e.getException().getClass().getSimpleName(), addr);
        if (users.failed(name, settings.maxFailedLogins(), settings.lockFor())) {
            audit.append(name, AuditLog.Action.LOCKED, null, "locked for " + settings.lockMinutes() + " minutes after "
                    + settings.maxFailedLogins() + " failed sign-ins", addr);
        }
    }

    private static String addr(Object details) {
        return details instanceof WebAuthenticationDetails w ? w.getRemoteAddress() : null;
    }
}
