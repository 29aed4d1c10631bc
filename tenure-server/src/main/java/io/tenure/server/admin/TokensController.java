package io.tenure.server.admin;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.server.audit.AuditLog;
import io.tenure.server.security.ApiTokens;
import io.tenure.server.security.Current;
import io.tenure.server.security.Region;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * API tokens for other systems (admins only): list, create with scopes and a region (the secret is shown once and
 * only its hash kept), revoke. Every change is audited, never with the secret.
 */
@Controller
@RequestMapping("/admin/tokens")
class TokensController {
    private final ApiTokens tokens;
    private final KnownRegions regions;
    private final AuditLog audit;

    TokensController(ApiTokens tokens, KnownRegions regions, AuditLog audit) {
        this.tokens = tokens;
        this.regions = regions;
        this.audit = audit;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tokens", tokens.all());
        model.addAttribute("scopes", ApiTokens.SCOPES);
        model.addAttribute("zone", KnownRegions.LOCAL);
        model.addAttribute("levels", Region.Level.values());
        model.addAttribute("cities", regions.cities());
        model.addAttribute("counties", regions.counties());
        return "admin/tokens";
    }

    @PostMapping
    String create(@RequestParam(name = "name", defaultValue = "") String name,
                  @RequestParam(name = "scopes", required = false) List<String> scopes,
                  @RequestParam(name = "regionLevel", defaultValue = "") String regionLevel,
                  @RequestParam(name = "regionName", defaultValue = "") String regionName,
                  HttpServletRequest request,
                  RedirectAttributes flash) {
        String n = name.strip();
        if (n.isEmpty() || n.length() > 100) {
            return refused(flash, "admin.tokens.error.name", n);
        }
        if (scopes == null || scopes.isEmpty() || !ApiTokens.SCOPES.containsAll(scopes)) {
            return refused(flash, "admin.tokens.error.scopes", String.join(", ", ApiTokens.SCOPES));
        }
        Region region;
        try {
            region = Region.of(regionLevel, regionName);
        } catch (TenureException e) {
            return refused(flash, "admin.error.region", regionName);
        }
        if (!regions.exists(region)) {
            return refused(flash, "admin.error.region.unknown", region.name());
        }
        String me = Current.user().username();
        String secret = tokens.create(n, scopes, region, me);
        audit.append(me, AuditLog.Action.TOKEN_CHANGE, n, "created: scopes " + String.join(" ", scopes) + ", region "
                + UsersController.describe(region), Current.addr(request));
        flash.addFlashAttribute("shownToken", n);
        flash.addFlashAttribute("shownSecret", secret);
        return "redirect:/admin/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable("id") long id, HttpServletRequest request, RedirectAttributes flash) {
        ApiTokens.Token token = tokens.all().stream().filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> new TenureException(ErrorCode.NOT_FOUND, "no API token with id " + id
                        + "; pick one from the list of tokens"));
        if (token.revokedAt() == null) {
            tokens.revoke(id);
            audit.append(Current.user().username(), AuditLog.Action.TOKEN_CHANGE, token.name(), "revoked (id " + id + ")",
                    Current.addr(request));
        }
        flash.addFlashAttribute("done", "admin.tokens.done.revoked");
        flash.addFlashAttribute("doneArg", token.name());
        return "redirect:/admin/tokens";
    }

    private static String refused(RedirectAttributes flash, String key, String arg) {
        flash.addFlashAttribute("error", key);
        flash.addFlashAttribute("errorArg", arg);
        return "redirect:/admin/tokens";
    }
}
