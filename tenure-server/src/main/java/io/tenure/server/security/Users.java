package io.tenure.server.security;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/** Staff accounts: lookup for sign-in, creation by an admin, failed-login counting and lockout. */
@Repository
public class Users implements UserDetailsService {
    private static final String COLS = "id, username, display_name, password_hash, role, region_level, region_name, "
            + "daily_capacity, locked_until, enabled";
    private static final RowMapper<StaffUser> ROW = (r, i) -> new StaffUser(r.getLong("id"), r.getString("username"),
            r.getString("display_name"), r.getString("password_hash"), Role.valueOf(r.getString("role")),
            Region.of(r.getString("region_level"), r.getString("region_name")), r.getInt("daily_capacity"),
            r.getTimestamp("locked_until") == null ? null : r.getTimestamp("locked_until").toInstant(), r.getBoolean("enabled"),
            List.of());

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;

    public Users(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Override
    public StaffUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public Optional<StaffUser> find(String username) {
        return jdbc.query("SELECT " + COLS + " FROM app_user WHERE username = ?", ROW, username).stream().findFirst();
    }

    public Optional<StaffUser> find(long id) {
        return jdbc.query("SELECT " + COLS + " FROM app_user WHERE id = ?", ROW, id).stream().findFirst();
    }

    public List<StaffUser> all() {
        return jdbc.query("SELECT " + COLS + " FROM app_user ORDER BY username", ROW);
    }

    /** Agents whose region lies inside the given one (the agents a manager can assign work to). */
    public List<StaffUser> agentsIn(Region region) {
        // a city's counties from the small per-county counts of the publishes, asked once, not per agent
        Set<String> counties = region.level() == Region.Level.CITY
                ? Set.copyOf(jdbc.queryForList("SELECT DISTINCT county FROM daily_count WHERE city = ?", String.class, region.name()))
                : Set.of();
        return all().stream().filter(u -> u.role() == Role.AGENT && u.enabled() && within(region, u.region(), counties)).toList();
    }

    private static boolean within(Region outer, Region inner, Set<String> countiesOfCity) {
        return outer.level() == Region.Level.PROVINCE || outer.equals(inner)
                || outer.level() == Region.Level.CITY && inner.level() == Region.Level.COUNTY && countiesOfCity.contains(inner.name());
    }

    public boolean anyAdmin() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM app_user WHERE role = 'ADMIN' AND enabled", Integer.class);
        return n != null && n > 0;
    }

    /** Creates an account; the password is hashed here and never stored or logged in clear. */
    public long create(String username, String displayName, String password, Role role, Region region, int dailyCapacity) {
        checkPassword(password);
        if (username == null || !username.matches("[A-Za-z0-9_.-]{2,64}")) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "username must be 2–64 letters, digits, '.', '_' or '-'");
        }
        if (dailyCapacity < 0 || dailyCapacity > 500) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "daily capacity must be 0–500 tasks, got " + dailyCapacity);
        }
        try {
            jdbc.update("INSERT INTO app_user (username, display_name, password_hash, role, region_level, region_name, "
                            + "daily_capacity, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", username,
                    displayName == null || displayName.isBlank() ? username : displayName.strip(), encoder.encode(password),
                    role.name(), region.level().name(), region.name(), dailyCapacity, Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException e) {
            throw new TenureException(ErrorCode.CONFLICT, "user '" + username + "' already exists; choose another name");
        }
        return find(username).orElseThrow().id();
    }

    public void setPassword(long id, String password) {
        checkPassword(password);
        jdbc.update("UPDATE app_user SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?",
                encoder.encode(password), id);
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.update("UPDATE app_user SET enabled = ? WHERE id = ?", enabled, id);
    }

    public void unlock(long id) {
        jdbc.update("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = ?", id);
    }

    /** Counts a failed sign-in; returns true when this one locked the account. */
    public boolean failed(String username, int maxFailures, Duration lockFor) {
        int updated = jdbc.update("UPDATE app_user SET failed_logins = failed_logins + 1 WHERE username = ?", username);
        if (updated == 0) {
            return false;
        }
        Integer failures = jdbc.queryForObject("SELECT failed_logins FROM app_user WHERE username = ?", Integer.class, username);
        if (failures != null && failures >= maxFailures) {
            jdbc.update("UPDATE app_user SET failed_logins = 0, locked_until = ? WHERE username = ?",
                    Timestamp.from(Instant.now().plus(lockFor)), username);
            return true;
        }
        return false;
    }

    public void succeeded(String username) {
        jdbc.update("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = ?", username);
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < 12) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "a password needs at least 12 characters");
        }
    }
}
