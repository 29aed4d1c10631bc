package io.tenure.server.privacy;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Locale;

/** The published lists of personal information collected and shared; open to everyone, signed in or not. */
@Controller
class PrivacyController {
    @GetMapping("/privacy")
    String lists(Locale locale, Model model) {
        model.addAttribute("collected", PrivacyLists.collected(locale));
        model.addAttribute("shared", PrivacyLists.shared(locale));
        return "privacy/lists";
    }
}
