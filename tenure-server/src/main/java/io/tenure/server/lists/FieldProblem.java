package io.tenure.server.lists;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request value that cannot be used: which field and why. Validation returns it as a value so the API can name the
 * field in its 400 answer; pages and constructors turn it into the usual {@link TenureException}.
 */
public record FieldProblem(String field, String message) {
    public FieldProblem {
        if (field == null || field.isBlank() || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a field problem names the field and says what is wrong");
        }
    }

    public TenureException exception() {
        return new TenureException(ErrorCode.INVALID_ARGUMENT, field + ": " + message);
    }

    /** Throws the problem, if there is one. */
    public static void raise(Optional<FieldProblem> problem) {
        if (problem.isPresent()) {
            throw problem.get().exception();
        }
    }

    /** The API's answer: 400 with {code, field, message}. */
    public ResponseEntity<Object> response() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", ErrorCode.INVALID_ARGUMENT.name());
        body.put("field", field);
        body.put("message", message);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }
}
