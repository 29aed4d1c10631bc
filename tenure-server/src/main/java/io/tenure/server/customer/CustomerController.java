package io.tenure.server.customer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.server.privacy.Masking;
import io.tenure.server.security.Current;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The customer lookup and the 360 page (roles and region checked by the security chain and the repository). */
@Controller
class CustomerController {
    private final Customers customers;
    private final ObjectMapper json;
    private final MessageSource messages;

    CustomerController(Customers customers, ObjectMapper json, MessageSource messages) {
        this.customers = customers;
        this.json = json;
        this.messages = messages;
    }

    /** Lookup by subscriber id or phone number: straight to the 360 when found, the form with a clear answer when not. */
    @GetMapping("/customers")
    String lookup(@RequestParam(name = "q", required = false) String q, Model model, HttpServletResponse response) {
        if (q == null || q.isBlank()) {
            return "customer/lookup";
        }
        Optional<String> found = customers.lookup(Current.user(), q);
        if (found.isPresent()) {
            return "redirect:/customers/" + UriUtils.encodePathSegment(found.get(), StandardCharsets.UTF_8);
        }
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("notFound", shown(q));
        return "customer/lookup";
    }

    @GetMapping("/customers/{subscriberId}")
    String view(@PathVariable("subscriberId") String subscriberId, Model model, HttpServletRequest request, Locale locale) {
        Customer360 c = customers.view(Current.user(), subscriberId, "page", Current.addr(request));
        model.addAttribute("c", c);
        model.addAttribute("contactLimit", CustomerRepository.CONTACTS);
        model.addAttribute("billsJson", JsonScript.of(json,
                BillsChart.of(c.months(), key -> messages.getMessage("customer.bill." + key, null, key, locale))));
        return "customer/view";
    }

    /** The query as echoed back: a phone number masked like every other. */
    private static String shown(String q) {
        String s = q.strip();
        Optional<String> phone = CustomerRepository.phoneNumber(s);
        if (phone.isPresent()) {
            return Masking.phone(phone.get());
        }
        String digits = s.replaceAll("\\D", "");
        if (s.matches("[+\\d\\s-]+") && digits.length() >= 7) { // a number, though not a full one: not echoed either
            return Masking.phone(digits);
        }
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
