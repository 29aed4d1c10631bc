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
 * The four-high, port-out risk and early-warning lists of the user's region: filters as a plain GET form, server-side
 * pages, and the XLSX export (not for agents). Managers tick rows and assign them to an agent of their region.
 */
@Controller
@RequestMapping("/lists")
class ListsController {
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
        return show(Listing.FOUR_HIGH, params, model);
    }

    @GetMapping("/risk")
    String risk(@RequestParam Map<String, String> params, Model model) {
        return show(Listing.RISK, params, model);
    }

    @GetMapping("/early-warning")
    String earlyWarning(@RequestParam Map<String, String> params, Model model) {
        return show(Listing.EARLY_WARNING, params, model);
    }

    @GetMapping("/four-high.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST', 'MANAGER')")
    public void exportFourHigh(@RequestParam Map<String, String> params, Locale locale, HttpServletRequest request,
                               HttpServletResponse response) throws IOException {
        export(Listing.FOUR_HIGH, params, locale, request, response);
    }

    @GetMapping("/risk.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST', 'MANAGER')")
    public void exportRisk(@RequestParam Map<String, String> params, Locale locale, HttpServletRequest request,
                           HttpServletResponse response) throws IOException {
        export(Listing.RISK, params, locale, request, response);
    }

    @GetMapping("/early-warning.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST', 'MANAGER')")
    public void exportEarlyWarning(@RequestParam Map<String, String> params, Locale locale, HttpServletRequest request,
                                   HttpServletResponse response) throws IOException {
        export(Listing.EARLY_WARNING, params, locale, request, response);
    }

    /** A page of the list in the user's region. */
    private String show(Listing<?> list, Map<String, String> params, Model model) {
        StaffUser me = Current.user();
        ListFilter filter = list.filter(params);
        int page = page(params.get("page"));
        model.addAttribute("rows", lists.page(list, me.region(), filter, page, settings.pageSize()));
        model.addAttribute("list", list.name());
        model.addAttribute("filter", filter);
        model.addAttribute("asOf", lists.asOf().orElse(null));
        model.addAttribute("counties", lists.counties(me.region()));
        for (String f : ListFilter.FIELDS) {
            model.addAttribute(f + "Options", ListFilter.allowed(f));
        }
        model.addAttribute("tagOptions", list.tags());
        boolean manager = me.role() == Role.MANAGER;
        model.addAttribute("canExport", me.role() == Role.ADMIN || me.role() == Role.ANALYST || manager);
        model.addAttribute("canAssign", manager);
        if (manager) {
            model.addAttribute("agents", users.agentsIn(me.region()));
        }
        String base = "/lists/" + list.name();
        model.addAttribute("exportUrl", url(base + ".xlsx", filter, 0));
        model.addAttribute("prevUrl", url(base, filter, page - 1));
        model.addAttribute("nextUrl", url(base, filter, page + 1));
        model.addAttribute("selfUrl", url(base, filter, page));
        return "lists/" + list.name();
    }

    /** The list of the user's region as XLSX; audited. */
    private void export(Listing<?> list, Map<String, String> params, Locale locale, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        ListFilter filter = list.filter(params);
        StaffUser me = Current.user();
        start(response, list.name());
        exported(me, list.name(), filter, request, () -> export.write(list, me.region(), filter, locale,
                response.getOutputStream()));
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
