package io.tenure.server.web;

import io.tenure.server.security.Current;
import io.tenure.server.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page and each role's start page. */
@Controller
class HomeController {
    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        Role role = Current.user().role();
        return switch (role) {
            case AGENT -> "redirect:/work/tasks";
            case AUDITOR -> "redirect:/audit";
            default -> "redirect:/dashboard";
        };
    }
}
