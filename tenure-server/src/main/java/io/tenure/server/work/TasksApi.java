package io.tenure.server.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.server.ServerSettings;
import io.tenure.server.lists.FieldProblem;
import io.tenure.server.lists.ListPage;
import io.tenure.server.security.Current;
import io.tenure.server.security.StaffUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_SIZE = 500;

    /** One page of tasks. */
    record Answer(int page, int size, long total, List<Task> rows) {
    }

    private final WorkService work;
    private final OutcomeReplay replay;
    private final ObjectMapper json;
    private final ServerSettings settings;
    private final TransactionTemplate tx;

    TasksApi(WorkService work, OutcomeReplay replay, ObjectMapper json, ServerSettings settings,
             PlatformTransactionManager transactions) {
        this.work = work;
        this.replay = replay;
        this.json = json;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_tasks:read')")
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
                return new FieldProblem("status", "'" + status + "' is not one of " + Arrays.toString(TaskStatus.values()))
                        .response();
            }
        }
        Optional<FieldProblem> problem = number("page", page, 100_000).or(() -> number("size", size, MAX_SIZE));
        if (problem.isPresent()) {
            return problem.get().response();
        }
        int p = page == null ? 1 : Integer.parseInt(page.strip());
        int n = size == null ? settings.pageSize() : Integer.parseInt(size.strip());
        ListPage<Task> rows = work.search(Current.user(), s, agent == null || agent.isBlank() ? null : agent.strip(), p, n);
        return ResponseEntity.ok(new Answer(p, n, rows.total(), rows.rows()));
    }

    @PostMapping(path = "/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_tasks:write')")
    @Operation(summary = "Record a call's outcome",
            description = "Body {outcome, callbackAt, note, agent}: outcome REACHED, ACCEPTED, DECLINED, CALL_BACK (needs "
                    + "callbackAt, ISO-8601, local time Asia/Shanghai when no offset, 08:00–21:00), UNREACHABLE or OPTED_OUT "
                    + "(takes effect at once); note at most 1,000 characters; agent, when given, the user name of the "
                    + "task's agent. Adds the call to the contact history. With an Idempotency-Key header, a retry with "
                    + "the same key and body gets the first answer again and records nothing more. Invalid values answer "
                    + "400 {code, field, message}. Needs scope tasks:write.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = "{\"outcome\":\"CALL_BACK\",\"callbackAt\":\"2026-11-23T10:30\",\"note\":\"在开会\",\"agent\":\"zhang.li\"}"))))
    public ResponseEntity<Object> outcome(@PathVariable("id") long id, @RequestBody String body,
                                          @Parameter(description = "a key unique per request, at most 200 characters")
                                          @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key,
                                          HttpServletRequest request) {
        StaffUser me = Current.user();
        String client = client(me);
        if (key != null && (key.isBlank() || key.length() > OutcomeReplay.KEY_MAX)) {
            return new FieldProblem(IDEMPOTENCY_KEY, "the key must be 1–" + OutcomeReplay.KEY_MAX + " characters").response();
        }
        String hash = OutcomeReplay.hash("POST /api/tasks/" + id + "/outcome\n" + body);
        if (key != null) {
            Optional<OutcomeReplay.Answer> previous = replay.previous(client, key, hash);
            if (previous.isPresent()) {
                return replayed(previous.get());
            }
        }
        JsonNode n;
        try {
            n = json.readTree(body);
        } catch (JsonProcessingException e) {
            return new FieldProblem("body", "the body is not JSON: " + e.getOriginalMessage()).response();
        }
        if (n == null || !n.isObject()) {
            return new FieldProblem("body", "the body must be a JSON object {outcome, callbackAt, note, agent}").response();
        }
        Optional<FieldProblem> notText = List.of("outcome", "callbackAt", "note", "agent").stream()
                .filter(f -> n.hasNonNull(f) && !n.get(f).isTextual())
                .map(f -> new FieldProblem(f, f + " must be a string")).findFirst();
        if (notText.isPresent()) {
            return notText.get().response();
        }
        String agent = text(n, "agent");
        Optional<FieldProblem> problem = OutcomeInput.problem(text(n, "outcome"), text(n, "callbackAt"), text(n, "note"),
                work.now());
        if (problem.isPresent()) {
            return problem.get().response();
        }
        OutcomeInput in = OutcomeInput.of(text(n, "outcome"), text(n, "callbackAt"), text(n, "note"), work.now());
        Task task = work.task(me, id);
        if (agent != null && !agent.equals(task.agent())) {
            return new FieldProblem("agent", "task " + id + " is assigned to another agent").response();
        }
        try {
            String answer = tx.execute(s -> {
                String out = write(work.recordByToken(me, id, in, agent, Current.addr(request)));
                if (key != null) {
                    replay.remember(client, key, hash, new OutcomeReplay.Answer(200, out));
                }
                return out;
            });
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
        } catch (DuplicateKeyException e) {
            if (key == null) {
                throw e;
            }
            // a retry with the same key ran alongside and won; its answer is the answer (nothing of this one was kept)
            return replay.previous(client, key, hash).map(this::replayed).orElseThrow(() -> e);
        }
    }

    /** Keys are kept per token (names of tokens may repeat, ids do not). */
    private static String client(StaffUser me) {
        return me.isToken() ? "token#" + -me.id() : me.username();
    }

    private ResponseEntity<Object> replayed(OutcomeReplay.Answer a) {
        return ResponseEntity.status(a.status()).contentType(MediaType.APPLICATION_JSON).header("Idempotent-Replayed", "true")
                .body(a.body());
    }

    private String write(WorkService.Recorded r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new TenureException(ErrorCode.INTERNAL, "the answer could not be written as JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static Optional<FieldProblem> number(String field, String value, int max) {
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
        return Optional.of(new FieldProblem(field, field + " must be a whole number from 1 to " + max));
    }
}
