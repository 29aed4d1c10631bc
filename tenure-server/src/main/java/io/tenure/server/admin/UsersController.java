package io.tenure.server.admin;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.server.audit.AuditLog;
import io.tenure.server.security.Current;
import io.tenure.server.security.Region;
import io.tenure.server.security.Role;
import io.tenure.server.security.StaffUser;
import io.tenure.server.security.Users;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Staff accounts (admins only): list, create (with a given password of at least 12 characters, or a generated one
 * shown once), enable or disable, unlock, reset the password (a generated one shown once). Every change is audited,
 * never with a password; an admin cannot disable their own account, so there is always an admin left.
 */
@Controller
@RequestMapping("/admin/users")
class UsersController {
    static final int MIN_PASSWORD = 12;

    /** A row of the list. */
    record Row(StaffUser user, boolean locked) {
    }

    private final Users users;
    private final KnownRegions regions;
    private final AuditLog audit;

    UsersController(Users users, KnownRegions regions, AuditLog audit) {
        this.users = users;
        this.regions = regions;
        this.audit = audit;
    }

    @GetMapping
    String list(Model model) {
        Instant now = Instant.now();
        model.addAttribute("users", users.all().stream()
                .map(u -> new Row(u, u.lockedUntil() != null && u.lockedUntil().isAfter(now))).toList());
        model.addAttribute("roles", Role.values());
        model.addAttribute("zone", KnownRegions.LOCAL);
        model.addAttribute("levels", Region.Level.values());
        model.addAttribute("cities", regions.cities());
        model.addAttribute("counties", regions.counties());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("dailyCapacity", "40", "regionLevel", "COUNTY", "role", "AGENT"));
        }
        return "admin/users";
    }

    @PostMapping
    String create(@RequestParam(name = "username", defaultValue = "") String username,
                  @RequestParam(name = "displayName", defaultValue = "") String displayName,
                  @RequestParam(name = "role", defaultValue = "") String role,
                  @RequestParam(name = "regionLevel", defaultValue = "") String regionLevel,
                  @RequestParam(name = "regionName", defaultValue = "") String regionName,
                  @RequestParam(name = "dailyCapacity", defaultValue = "") String dailyCapacity,
                  @RequestParam(name = "password", defaultValue = "") String password,
                  @RequestParam(name = "generate", defaultValue = "false") boolean generate,
                  HttpServletRequest request,
                  RedirectAttributes flash) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("displayName", displayName);
        form.put("role", role);
        form.put("regionLevel", regionLevel);
        form.put("regionName", regionName);
        form.put("dailyCapacity", dailyCapacity);
        String name = username.strip();
        if (!name.matches("[A-Za-z0-9_.-]{2,64}")) {
            return refused(flash, form, "admin.error.username", name);
        }
        Role r;
        try {
            r = Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            return refused(flash, form, "admin.error.role", role);
        }
        Region region;
        try {
            region = Region.of(regionLevel, regionName);
        } catch (TenureException e) {
            return refused(flash, form, "admin.error.region", regionName);
        }
        if (!regions.exists(region)) {
            return refused(flash, form, "admin.error.region.unknown", region.name());
        }
        int capacity;
        try {
            capacity = Integer.parseInt(dailyCapacity.strip());
        } catch (NumberFormatException e) {
            capacity = -1;
        }
        if (capacity < 0 || capacity > 500) {
            return refused(flash, form, "admin.error.capacity", dailyCapacity);
        }
        String secret = generate ? Passwords.random() : password;
        if (secret.length() < MIN_PASSWORD) {
            return refused(flash, form, "admin.error.password", String.valueOf(MIN_PASSWORD));
        }
        try {
            users.create(name, displayName, secret, r, region, capacity);
        } catch (TenureException e) {
            if (e.code() == ErrorCode.CONFLICT) {
                return refused(flash, form, "admin.error.exists", name);
            }
            throw e;
        }
        audit.append(Current.user().username(), AuditLog.Action.USER_CHANGE, name, "created: role " + r + ", region "
                        + describe(region) + ", daily capacity " + capacity + (generate ? ", generated password" : ""),
                Current.addr(request));
        if (generate) {
            flash.addFlashAttribute("shownUser", name);
            flash.addFlashAttribute("shownPassword", secret);
        }
        return done(flash, "admin.done.created", name);
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable("id") long id, @RequestParam("enabled") boolean enabled, HttpServletRequest request,
                  RedirectAttributes flash) {
        StaffUser me = Current.user();
        StaffUser u = user(id);
        if (!enabled && u.id() == me.id()) {
            return refused(flash, null, "admin.error.self", u.username());
        }
        users.setEnabled(id, enabled);
        audit.append(me.username(), AuditLog.Action.USER_CHANGE, u.username(), enabled ? "enabled" : "disabled",
                Current.addr(request));
        return done(flash, enabled ? "admin.done.enabled" : "admin.done.disabled", u.username());
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable("id") long id, HttpServletRequest request, RedirectAttributes flash) {
        StaffUser u = user(id);
        users.unlock(id);
        audit.append(Current.user().username(), AuditLog.Action.USER_CHANGE, u.username(), "unlocked", Current.addr(request));
        return done(flash, "admin.done.unlocked", u.username());
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable("id") long id, HttpServletRequest request, RedirectAttributes flash) {
        StaffUser u = user(id);
        String secret = Passwords.random();
        users.setPassword(id, secret);
        audit.append(Current.user().username(), AuditLog.Action.USER_CHANGE, u.username(), "password reset (and unlocked)",
                Current.addr(request));
        flash.addFlashAttribute("shownUser", u.username());
        flash.addFlashAttribute("shownPassword", secret);
        return done(flash, "admin.done.password", u.username());
    }

    private StaffUser user(long id) {
        return users.find(id).orElseThrow(() -> new TenureException(ErrorCode.NOT_FOUND, "no user with id " + id
                + "; pick one from the list of users"));
    }

    static String describe(Region region) {
        return region.level() == Region.Level.PROVINCE ? "PROVINCE" : region.level() + " " + region.name();
    }

    private static String refused(RedirectAttributes flash, Map<String, String> form, String key, String arg) {
        flash.addFlashAttribute("error", key);
        flash.addFlashAttribute("errorArg", arg);
        if (form != null) {
            flash.addFlashAttribute("form", form);
        }
        return "redirect:/admin/users";
    }

    private static String done(RedirectAttributes flash, String key, String arg) {
        flash.addFlashAttribute("done", key);
        flash.addFlashAttribute("doneArg", arg);
        return "redirect:/admin/users";
    }
}
