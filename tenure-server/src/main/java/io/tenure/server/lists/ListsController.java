package io.tenure.server.lists;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.server.ServerSettings;
import io.tenure.server.audit.AuditLog;
import io.tenure.server.security.Current;
import io.tenure.server.security.Role;
import io.tenure.server.security.StaffUser;
import io.tenure.server.security.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * The four-high and port-out risk lists of the user's region: filters as a plain GET form, server-side pages, and the
 * XLSX export (not for agents). Managers tick rows and assign them to an agent of their region.
 */
@Controller
@RequestMapping("/lists")
class ListsController {
    static final String FOUR_HIGH = "four-high";
    static final String RISK = "risk";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Deeper pages than this are not served: narrow the filter or export instead. */
    private static final int MAX_PAGE = 100_000;

    private final ListRepository lists;
    private final ListExport export;
    private final ServerSettings settings;
    private final AuditLog audit;
    private final Users users;

    ListsController(ListRepository lists, ListExport export, ServerSettings settings, AuditLog audit, Users users) {
        this.lists = lists;
        this.export = export;
        this.settings = settings;
        this.audit = audit;
        this.users = users;
    }

    @GetMapping("/four-high")
    String fourHigh(@RequestParam Map<String, String> params, Model model) {
        StaffUser me = Current.user();
        ListFilter filter = ListFilter.from(params);
        int page = page(params.get("page"));
        model.addAttribute("rows", lists.fourHigh(me.region(), filter, page, settings.pageSize()));
        common(FOUR_HIGH, me, filter, page, model);
        return "lists/four-high";
    }

    @GetMapping("/risk")
    String risk(@RequestParam Map<String, String> params, Model model) {
        StaffUser me = Current.user();
        ListFilter filter = ListFilter.from(params);
        int page = page(params.get("page"));
        model.addAttribute("rows", lists.risk(me.region(), filter, page, settings.pageSize()));
        common(RISK, me, filter, page, model);
        return "lists/risk";
    }

    @GetMapping("/four-high.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST', 'MANAGER')")
    public void exportFourHigh(@RequestParam Map<String, String> params, Locale locale, HttpServletRequest request,
                               HttpServletResponse response) throws IOException {
        ListFilter filter = ListFilter.from(params);
        StaffUser me = Current.user();
        start(response, FOUR_HIGH);
        exported(me, FOUR_HIGH, filter, request, () -> export.fourHigh(me.region(), filter, locale, response.getOutputStream()));
    }

    @GetMapping("/risk.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST', 'MANAGER')")
    public void exportRisk(@RequestParam Map<String, String> params, Locale locale, HttpServletRequest request,
                           HttpServletResponse response) throws IOException {
        ListFilter filter = ListFilter.from(params);
        StaffUser me = Current.user();
        start(response, RISK);
        exported(me, RISK, filter, request, () -> export.risk(me.region(), filter, locale, response.getOutputStream()));
    }

    /** Writes the export. */
    private interface Writer {
        long write() throws IOException;
    }

    /** Every export is audited with its filters and row count, also one that stopped half-way (rows may have left). */
    private void exported(StaffUser me, String list, ListFilter filter, HttpServletRequest request, Writer writer)
            throws IOException {
        long rows = -1;
        try {
            rows = writer.write();
        } finally {
            String detail = "filters " + filter.values() + (rows >= 0 ? "; rows " + rows
                    + (rows >= settings.exportMaxRows() ? " (the export limit)" : "") : "; stopped before the end");
            audit.append(me.username(), AuditLog.Action.EXPORT, list, detail, Current.addr(request));
        }
    }

    private void start(HttpServletResponse response, String list) {
        LocalDate asOf = lists.asOf().orElse(null);
        String file = list + (asOf == null ? "" : "-" + asOf) + ".xlsx";
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private void common(String list, StaffUser me, ListFilter filter, int page, Model model) {
        model.addAttribute("list", list);
        model.addAttribute("filter", filter);
        model.addAttribute("asOf", lists.asOf().orElse(null));
        model.addAttribute("counties", lists.counties(me.region()));
        for (String f : ListFilter.FIELDS) {
            model.addAttribute(f + "Options", ListFilter.allowed(f));
        }
        boolean manager = me.role() == Role.MANAGER;
        model.addAttribute("canExport", me.role() == Role.ADMIN || me.role() == Role.ANALYST || manager);
        model.addAttribute("canAssign", manager);
        if (manager) {
            model.addAttribute("agents", users.agentsIn(me.region()));
        }
        String base = "/lists/" + list;
        model.addAttribute("exportUrl", url(base + ".xlsx", filter, 0));
        model.addAttribute("prevUrl", url(base, filter, page - 1));
        model.addAttribute("nextUrl", url(base, filter, page + 1));
        model.addAttribute("selfUrl", url(base, filter, page));
    }

    private static String url(String path, ListFilter filter, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        filter.values().forEach(b::queryParam);
        if (page > 1) {
            b.queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }

    private static int page(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int p = Integer.parseInt(value.strip());
            if (p >= 1 && p <= MAX_PAGE) {
                return p;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new TenureException(ErrorCode.INVALID_ARGUMENT, "page must be a number from 1 to " + MAX_PAGE
                + "; narrow the filter or export the list to see more");
    }
}
