package io.tenure.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An API error naming what was wrong: the field and, in a batch, the element's index (from 0), and what to do.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Error", description = "What was wrong, where, and what to do")
public record ApiError(
        @Schema(example = "INVALID_VALUE") String code,
        @Schema(example = "created_at", description = "the field at fault, if one") String field,
        @Schema(example = "3", description = "the element of a batch (from 0), if the request was an array") Integer index,
        @Schema(example = "created_at '2026-13-01' is not an ISO-8601 timestamp; send e.g. 2026-11-20T09:30:00+08:00")
        String message) {
    public ApiError {
        if (code == null || message == null) {
            throw new TenureException(ErrorCode.INTERNAL, "an API error needs a code and a message");
        }
    }

    ResponseEntity<Object> answer(HttpStatus status) {
        return ResponseEntity.status(status).body(this);
    }
}
