package io.tenure.server.dashboard;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.server.security.Current;
import io.tenure.server.security.StaffUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.List;
import java.util.Locale;

/**
 * The dashboard of the latest published day, for analysts, managers and admins, inside their region. The page shows
 * the headline numbers; its script fetches the chart data from {@code /dashboard/data.json} with the same filter.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST', 'MANAGER')")
class DashboardController {
    private final Dashboards dashboards;

    DashboardController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/dashboard")
    String page(@RequestParam(name = "area", required = false) String area, Model model, Locale locale) {
        StaffUser me = Current.user();
        var run = dashboards.latest();
        if (run.isEmpty()) {
            return "dashboard/index"; // no dashboard in the model: the page says nothing is published yet
        }
        List<Dashboards.Area> areas = dashboards.areas(me.region(), run.get(), locale);
        Dashboards.Area picked = dashboards.pick(areas, area);
        model.addAttribute("areas", areas);
        model.addAttribute("picked", picked);
        model.addAttribute("d", dashboards.build(picked, run.get(), locale));
        return "dashboard/index";
    }

    @GetMapping(value = "/dashboard/data.json", produces = "application/json")
    @ResponseBody
    Dashboard data(@RequestParam(name = "area", required = false) String area, Locale locale) {
        StaffUser me = Current.user();
        var run = dashboards.latest().orElseThrow(() -> new TenureException(ErrorCode.NOT_FOUND,
                "nothing is published yet; run the daily job first"));
        return dashboards.build(dashboards.pick(dashboards.areas(me.region(), run, locale), area), run, locale);
    }
}
