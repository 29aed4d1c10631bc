package io.tenure.server.audit;

import io.tenure.server.ServerSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The audit log for auditors (and only them): search by actor, action, target and days (local time, both days
 * included), newest first, a page at a time. Read only: the database itself refuses changes to the log.
 */
@Controller
class AuditController {
    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private final AuditLog log;
    private final ServerSettings settings;

    AuditController(AuditLog log, ServerSettings settings) {
        this.log = log;
        this.settings = settings;
    }

    @GetMapping("/audit")
    String search(@RequestParam(name = "actor", defaultValue = "") String actor,
                  @RequestParam(name = "action", defaultValue = "") String action,
                  @RequestParam(name = "target", defaultValue = "") String target,
                  @RequestParam(name = "from", defaultValue = "") String from,
                  @RequestParam(name = "to", defaultValue = "") String to,
                  @RequestParam(name = "page", defaultValue = "0") int page,
                  Model model) {
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("target", target);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actions", AuditLog.Action.values());
        model.addAttribute("zone", LOCAL);
        LocalDate fromDay;
        LocalDate toDay;
        try {
            fromDay = from.isBlank() ? null : LocalDate.parse(from.strip());
            toDay = to.isBlank() ? null : LocalDate.parse(to.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute("error", "audit.error.date");
            model.addAttribute("entries", List.of());
            return "audit/log";
        }
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            model.addAttribute("error", "audit.error.order");
            model.addAttribute("entries", List.of());
            return "audit/log";
        }
        int p = Math.max(0, page);
        int size = settings.pageSize();
        Instant start = fromDay == null ? null : fromDay.atStartOfDay(LOCAL).toInstant();
        Instant end = toDay == null ? null : toDay.plusDays(1).atStartOfDay(LOCAL).toInstant();
        // one row more than the page tells whether there is a next page
        List<AuditLog.Entry> rows = log.search(actor, action, target, start, end, size + 1, p * size);
        model.addAttribute("entries", rows.size() > size ? rows.subList(0, size) : rows);
        model.addAttribute("page", p);
        model.addAttribute("more", rows.size() > size);
        return "audit/log";
    }
}
