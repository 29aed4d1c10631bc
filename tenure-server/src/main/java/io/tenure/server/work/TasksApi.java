package io.tenure.server.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenure.server.ServerSettings;
import io.tenure.server.api.ApiError;
import io.tenure.server.api.Idempotency;
import io.tenure.server.lists.ListPage;
import io.tenure.server.security.Current;
import io.tenure.server.security.StaffUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Tasks for other systems (CRM, call-centre platform): read the region's tasks, record a call's outcome. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "Call tasks of the token's region and their outcomes")
class TasksApi {
    private static final int MAX_SIZE = 500;

    /** One page of tasks. */
    record Answer(int page, int size, long total, List<Task> rows) {
    }

    private final WorkService work;
    private final Idempotency idempotency;
    private final ObjectMapper json;
    private final ServerSettings settings;

    TasksApi(WorkService work, Idempotency idempotency, ObjectMapper json, ServerSettings settings) {
        this.work = work;
        this.idempotency = idempotency;
        this.json = json;
        this.settings = settings;
    }

    @ApiResponse(responseCode = "400", description = "a value cannot be used: the field and what to send",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @GetMapping
    @Operation(summary = "Tasks of the region", description = "Newest first; phone and name masked. Needs scope tasks:read.")
    public ResponseEntity<Object> tasks(
            @Parameter(description = "OPEN, CALL_BACK or DONE") @RequestParam(name = "status", required = false) String status,
            @Parameter(description = "the agent's user name") @RequestParam(name = "agent", required = false) String agent,
            @Parameter(description = "page, from 1") @RequestParam(name = "page", required = false) String page,
            @Parameter(description = "rows per page, 1–500") @RequestParam(name = "size", required = false) String size) {
        TaskStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = TaskStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                return bad(OutcomeInput.invalid("status", "'" + status + "' is not one of "
                        + Arrays.toString(TaskStatus.values())));
            }
        }
        Optional<ApiError> problem = number("page", page, 100_000).or(() -> number("size", size, MAX_SIZE));
        if (problem.isPresent()) {
            return bad(problem.get());
        }
        int p = page == null ? 1 : Integer.parseInt(page.strip());
        int n = size == null ? settings.pageSize() : Integer.parseInt(size.strip());
        ListPage<Task> rows = work.search(Current.user(), s, agent == null || agent.isBlank() ? null : agent.strip(), p, n);
        return ResponseEntity.ok(new Answer(p, n, rows.total(), rows.rows()));
    }

    @ApiResponse(responseCode = "400", description = "a value cannot be used: the field and what to send",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @PostMapping(path = "/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a call's outcome",
            description = "Body {outcome, callbackAt, note, agent}: outcome REACHED, ACCEPTED, DECLINED, CALL_BACK (needs "
                    + "callbackAt, ISO-8601, local time Asia/Shanghai when no offset, 08:00–21:00), UNREACHABLE or OPTED_OUT "
                    + "(takes effect at once); note at most 1,000 characters; agent, when given, the user name of the "
                    + "task's agent. Adds the call to the contact history. With an Idempotency-Key header, a retry with "
                    + "the same key and body gets the first answer again (header Idempotent-Replayed: true) and records "
                    + "nothing more; the same key with another body answers 409. Invalid values answer 400 "
                    + "{code, field, message}. Needs scope tasks:write.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = "{\"outcome\":\"CALL_BACK\",\"callbackAt\":\"2026-11-23T10:30\",\"note\":\"在开会\",\"agent\":\"zhang.li\"}"))))
    public ResponseEntity<?> outcome(@PathVariable("id") long id, @RequestBody String body,
                                     @Parameter(description = "a key unique per request, 1–200 visible ASCII characters")
                                     @RequestHeader(value = Idempotency.HEADER, required = false) String key,
                                     HttpServletRequest request) {
        StaffUser me = Current.user();
        JsonNode n;
        try {
            n = json.readTree(body);
        } catch (JsonProcessingException e) {
            return bad(OutcomeInput.invalid("body", "the body is not JSON: " + e.getOriginalMessage()));
        }
        if (n == null || !n.isObject()) {
            return bad(OutcomeInput.invalid("body", "the body must be a JSON object {outcome, callbackAt, note, agent}"));
        }
        return idempotency.write(Idempotency.clientOf(me), key, "POST /api/tasks/" + id + "/outcome", n,
                () -> record(me, id, n, Current.addr(request)));
    }

    /** Checks the body and records the outcome; an answer other than 200 writes nothing. */
    private ResponseEntity<?> record(StaffUser me, long id, JsonNode n, String addr) {
        Optional<ApiError> notText = List.of("outcome", "callbackAt", "note", "agent").stream()
                .filter(f -> n.hasNonNull(f) && !n.get(f).isTextual())
                .map(f -> OutcomeInput.invalid(f, f + " must be a string")).findFirst();
        if (notText.isPresent()) {
            return bad(notText.get());
        }
        String agent = text(n, "agent");
        Optional<ApiError> problem = OutcomeInput.problem(text(n, "outcome"), text(n, "callbackAt"), text(n, "note"),
                work.now());
        if (problem.isPresent()) {
            return bad(problem.get());
        }
        OutcomeInput in = OutcomeInput.of(text(n, "outcome"), text(n, "callbackAt"), text(n, "note"), work.now());
        Task task = work.task(me, id);
        if (agent != null && !agent.equals(task.agent())) {
            return bad(OutcomeInput.invalid("agent", "task " + id + " is assigned to another agent"));
        }
        return ResponseEntity.ok(work.recordByToken(me, id, in, agent, addr));
    }

    /** Keys are kept per token (names of tokens may repeat, ids do not). */
    private static ResponseEntity<Object> bad(ApiError error) {
        return ResponseEntity.badRequest().body(error);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static Optional<ApiError> number(String field, String value, int max) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= max) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        return Optional.of(OutcomeInput.invalid(field, field + " must be a whole number from 1 to " + max));
    }
}
