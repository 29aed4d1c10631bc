package io.tenure.server.security;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API tokens for other systems (CRM, SMS platform, portability platform): created and revoked by an admin, each
 * with scopes and a region. Only a SHA-256 of the secret is stored; the secret is shown once.
 */
@Repository
public class ApiTokens {
    /** What a token may do. */
    public static final List<String> SCOPES = List.of("customers:read", "lists:read", "tasks:read", "tasks:write",
            "events:write", "contacts:read");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as listed to an admin. */
    public record Token(long id, String name, List<String> scopes, Region region, String createdBy, Instant createdAt,
                        Instant revokedAt) {
    }

    private final JdbcTemplate jdbc;

    public ApiTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a token and returns its secret, which is not kept. */
    public String create(String name, List<String> scopes, Region region, String createdBy) {
        if (name == null || name.isBlank()) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "a token needs a name saying which system uses it");
        }
        if (scopes == null || scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "scopes must be some of " + SCOPES + ", got " + scopes);
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = "tnr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.update("INSERT INTO api_token (name, token_hash, scopes, region_level, region_name, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", name.strip(), hash(secret), String.join(" ", scopes),
                region.level().name(), region.name(), createdBy, Timestamp.from(Instant.now()));
        return secret;
    }

    public void revoke(long id) {
        jdbc.update("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", Timestamp.from(Instant.now()), id);
        known.clear();
    }

    public List<Token> all() {
        return jdbc.query("SELECT id, name, scopes, region_level, region_name, created_by, created_at, revoked_at FROM api_token "
                + "ORDER BY id", (r, i) -> new Token(r.getLong(1), r.getString(2), Arrays.asList(r.getString(3).split(" ")),
                Region.of(r.getString(4), r.getString(5)), r.getString(6), r.getTimestamp(7).toInstant(),
                r.getTimestamp(8) == null ? null : r.getTimestamp(8).toInstant()));
    }

    /**
     * The live token with this secret, as a principal with its scopes and region. A token once found is remembered
     * for {@link #REMEMBER} (a revoke here forgets at once; another server of the same database within that time).
     */
    public Optional<StaffUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith("tnr_")) {
            return Optional.empty();
        }
        String hash = hash(secret);
        long now = System.nanoTime();
        Known k = known.get(hash);
        if (k != null && now - k.at() < REMEMBER.toNanos()) {
            return Optional.of(k.token());
        }
        Optional<StaffUser> found = lookup(hash);
        found.ifPresentOrElse(t -> known.put(hash, new Known(t, now)), () -> known.remove(hash));
        return found;
    }

    /** How long a found token is trusted without reading the database again. */
    static final java.time.Duration REMEMBER = java.time.Duration.ofSeconds(30);

    private record Known(StaffUser token, long at) {
    }

    private final java.util.Map<String, Known> known = new java.util.concurrent.ConcurrentHashMap<>();

    private Optional<StaffUser> lookup(String hash) {
        return jdbc.query("SELECT id, name, scopes, region_level, region_name FROM api_token WHERE token_hash = ? "
                        + "AND revoked_at IS NULL", (r, i) -> new StaffUser(-r.getLong(1), "token:" + r.getString(2),
                        r.getString(2), "", Role.ANALYST, Region.of(r.getString(4), r.getString(5)), 0, null, true,
                        Arrays.asList(r.getString(3).split(" "))), hash)
                .stream().findFirst();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
