package io.tenure.server.work;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Idempotency-Key for the outcome call: the first answer to a key is kept (table idempotency_key) and a retry with
 * the same key and body gets it again instead of recording a second call; the same key with another body is a
 * conflict.
 */
@Component
class OutcomeReplay {
    static final int KEY_MAX = 200;

    /** A kept answer. */
    record Answer(int status, String body) {
    }

    private final JdbcTemplate jdbc;

    OutcomeReplay(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The answer kept for this client's key, if any; a different request under the key is refused. */
    Optional<Answer> previous(String client, String key, String requestHash) {
        return jdbc.query("SELECT request_hash, status, body FROM idempotency_key WHERE client = ? AND idem_key = ?",
                (r, i) -> {
                    if (!r.getString(1).equals(requestHash)) {
                        throw new TenureException(ErrorCode.CONFLICT, "Idempotency-Key '" + key + "' was already used "
                                + "for another request; send a new key for a new request");
                    }
                    return new Answer(r.getInt(2), r.getString(3));
                }, client, key).stream().findFirst();
    }

    /** Keeps the answer; inside the write's transaction, so a key is kept exactly when the write is. */
    void remember(String client, String key, String requestHash, Answer answer) {
        jdbc.update("INSERT INTO idempotency_key (client, idem_key, request_hash, status, body, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", client, key, requestHash, answer.status(), answer.body(), Timestamp.from(Instant.now()));
    }

    static String hash(String request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
