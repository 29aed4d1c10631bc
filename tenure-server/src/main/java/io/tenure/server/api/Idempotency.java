package io.tenure.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * API writes with an {@code Idempotency-Key} header, so a client that lost an answer can send the request again
 * safely. The first successful answer (status and JSON body) is stored in the same transaction as the write; the
 * same key with the same request (SHA-256 of the operation and the canonical JSON body) replays it without writing
 * again; the same key with another request answers 409. Keys belong to one client (the token), so two systems
 * never collide. An answer that is not a success is not stored: the write rolled back and may be sent again. Without
 * a key the write simply runs in one transaction.
 */
@Service
public class Idempotency {
    /** The client a key belongs to: the token (by id: names may repeat) or the signed-in user. */
    public static String clientOf(io.tenure.server.security.StaffUser who) {
        return who.isToken() ? "token#" + -who.id() : who.username();
    }

    public static final String HEADER = "Idempotency-Key";
    /** Header set on a replayed answer. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_BODY = 20_000;

    private record Stored(String requestHash, int status, String body) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    public Idempotency(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
    }

    /**
     * Runs a write for a client, once per key. {@code operation} names the call (e.g. {@code POST /api/events/complaints})
     * and {@code request} is its body; both make the request's hash, so a key reused on another call is refused too.
     * The write runs in a transaction that rolls back unless it answers a 2xx status.
     */
    public ResponseEntity<JsonNode> write(String client, String key, String operation, JsonNode request,
                                          Supplier<ResponseEntity<?>> write) {
        if (key == null) {
            return tx.execute(s -> {
                ResponseEntity<JsonNode> answer = asJson(write.get());
                if (!answer.getStatusCode().is2xxSuccessful()) {
                    s.setRollbackOnly();
                }
                return answer;
            });
        }
        checkKey(key);
        String hash = hash(operation, request);
        Optional<Stored> earlier = find(client, key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), key, hash);
        }
        try {
            return tx.execute(s -> {
                ResponseEntity<JsonNode> answer = asJson(write.get());
                if (!answer.getStatusCode().is2xxSuccessful()) {
                    s.setRollbackOnly();
                    return answer;
                }
                String body = answer.getBody() == null ? null : answer.getBody().toString();
                if (body != null && body.length() > MAX_BODY) {
                    throw new TenureException(ErrorCode.INTERNAL, "the answer is too long to keep for replay");
                }
                jdbc.update("INSERT INTO idempotency_key (client, idem_key, request_hash, status, body, created_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?)", client, key, hash, answer.getStatusCode().value(), body,
                        Timestamp.from(Instant.now()));
                return answer;
            });
        } catch (DuplicateKeyException e) {
            // the same key sent twice at once: the other request committed first, this one's write rolled back
            return replay(find(client, key).orElseThrow(() -> e), key, hash);
        }
    }

    private ResponseEntity<JsonNode> replay(Stored earlier, String key, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            throw new TenureException(ErrorCode.CONFLICT, "Idempotency-Key '" + key + "' was already used for another "
                    + "request; send a new key for a new request, or the same body to get the first answer again");
        }
        try {
            JsonNode body = earlier.body() == null ? null : json.readTree(earlier.body());
            return ResponseEntity.status(earlier.status()).header(REPLAYED, "true").body(body);
        } catch (JsonProcessingException e) {
            throw new TenureException(ErrorCode.INTERNAL, "the stored answer of Idempotency-Key '" + key + "' is not JSON", e);
        }
    }

    private Optional<Stored> find(String client, String key) {
        return jdbc.query("SELECT request_hash, status, body FROM idempotency_key WHERE client = ? AND idem_key = ?",
                (r, i) -> new Stored(r.getString(1), r.getInt(2), r.getString(3)), client, key).stream().findFirst();
    }

    private ResponseEntity<JsonNode> asJson(ResponseEntity<?> answer) {
        JsonNode body = answer.getBody() == null ? null : json.valueToTree(answer.getBody());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(body);
    }

    private static void checkKey(String key) {
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "Idempotency-Key must be 1–200 visible ASCII characters "
                    + "without spaces, such as a UUID");
        }
    }

    /** SHA-256 of the operation and the body with every object's fields in name order, so key order does not matter. */
    static String hash(String operation, JsonNode request) {
        String canonical = operation + "\n" + (request == null ? "" : canonical(request).toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            names.forEach(n -> sorted.set(n, canonical(node.get(n))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> array.add(canonical(e)));
            return array;
        }
        return node;
    }
}
