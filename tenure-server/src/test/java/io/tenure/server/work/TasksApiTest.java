package io.tenure.server.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.server.security.ApiTokens;
import io.tenure.server.security.Region;
import io.tenure.server.testing.ListsHttp;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.tenure.server.work.AssignmentTest.count;
import static org.assertj.core.api.Assertions.assertThat;

class TasksApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<TestServer> servers() {
        return Stream.of(TestServer.h2(), TestServer.postgres());
    }

    @ParameterizedTest
    @MethodSource("servers")
    void theSameIdempotencyKeyTwiceRecordsOneContact(TestServer s) throws Exception {
        TaskFlowTest.Made t = TaskFlowTest.newTask(s);
        String token = token(s, s.county, "tasks:read", "tasks:write");
        String key = UUID.randomUUID().toString();
        String body = "{\"outcome\":\"REACHED\",\"note\":\"已提醒\",\"agent\":\"agent2\"}";
        HttpResponse<String> first = outcome(s, token, t.id(), body, key);
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(first.body());
        assertThat(answer.get("taskId").asLong()).isEqualTo(t.id());
        assertThat(answer.get("status").asText()).isEqualTo("DONE");
        HttpResponse<String> again = outcome(s, token, t.id(), body, key);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body())).isEqualTo(answer);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(count(s, "SELECT count(*) FROM live_contact WHERE task_id = ?", t.id())).isEqualTo(1);
        assertThat(s.jdbc.queryForObject("SELECT source FROM live_contact WHERE task_id = ?", String.class, t.id()))
                .isEqualTo("agent:agent2");

        // the same key for another request is a conflict naming the key; a new key for a done task too; neither writes
        HttpResponse<String> other = outcome(s, token, t.id(), "{\"outcome\":\"DECLINED\"}", key);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(other.body()).get("message").asText()).contains(key);
        assertThat(outcome(s, token, t.id(), body, UUID.randomUUID().toString()).statusCode()).isEqualTo(409);
        // keys belong to one client: another token's same key and body is a new request, refused as the task is done
        HttpResponse<String> elsewhere = outcome(s, token(s, s.county, "tasks:write"), t.id(), body, key);
        assertThat(elsewhere.statusCode()).isEqualTo(409);
        assertThat(elsewhere.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(count(s, "SELECT count(*) FROM live_contact WHERE task_id = ?", t.id())).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void invalidValuesAnswer400NamingTheFieldAndWriteNothing(TestServer s) throws Exception {
        TaskFlowTest.Made t = TaskFlowTest.newTask(s);
        String token = token(s, s.county, "tasks:write");
        Map<String, String> cases = Map.of(
                "{\"outcome\":\"MAYBE\"}", "outcome",
                "{\"note\":\"x\"}", "outcome",
                "{\"outcome\":\"CALL_BACK\"}", "callbackAt",
                "{\"outcome\":\"CALL_BACK\",\"callbackAt\":\"tomorrow\"}", "callbackAt",
                "{\"outcome\":\"REACHED\",\"note\":\"" + "x".repeat(1001) + "\"}", "note",
                "{\"outcome\":\"REACHED\",\"agent\":\"agent\"}", "agent",
                "{\"outcome\":7}", "outcome",
                "not json", "body");
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = outcome(s, token, t.id(), c.getKey(), null);
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            JsonNode error = JSON.readTree(r.body());
            assertThat(error.get("code").asText()).isEqualTo("INVALID_VALUE");
            assertThat(error.get("field").asText()).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(error.get("message").asText()).isNotBlank();
        }
        assertThat(s.jdbc.queryForObject("SELECT status FROM task WHERE id = ?", String.class, t.id())).isEqualTo("OPEN");
        assertThat(count(s, "SELECT count(*) FROM live_contact WHERE task_id = ?", t.id())).isZero();
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aTaskOutsideTheTokensRegionIsNotFoundAndScopesAreChecked(TestServer s) {
        TaskFlowTest.Made t = TaskFlowTest.newTask(s);
        String far = token(s, s.otherCounty, "tasks:read", "tasks:write");
        assertThat(outcome(s, far, t.id(), "{\"outcome\":\"REACHED\"}", null).statusCode()).isEqualTo(404);
        assertThat(ListsHttp.api(s, far, "GET", "/api/tasks?size=500", null, Map.of()).body())
                .doesNotContain("\"id\":" + t.id() + ",");
        String readOnly = token(s, s.county, "tasks:read");
        assertThat(outcome(s, readOnly, t.id(), "{\"outcome\":\"REACHED\"}", null).statusCode()).isEqualTo(403);
        String listsOnly = token(s, s.county, "lists:read");
        assertThat(ListsHttp.api(s, listsOnly, "GET", "/api/tasks", null, Map.of()).statusCode()).isEqualTo(403);
        assertThat(count(s, "SELECT count(*) FROM live_contact WHERE task_id = ?", t.id())).isZero();
    }

    @ParameterizedTest
    @MethodSource("servers")
    void tasksAreListedByStatusAndAgentMasked(TestServer s) throws Exception {
        TaskFlowTest.Made t = TaskFlowTest.newTask(s);
        String token = token(s, s.county, "tasks:read");
        HttpResponse<String> r = ListsHttp.api(s, token, "GET", "/api/tasks?status=OPEN&agent=agent2&size=500", null, Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(r.body());
        assertThat(page.get("total").asLong()).isEqualTo(count(s, "SELECT count(*) FROM task t JOIN app_user u ON u.id = t.agent_id "
                + "WHERE t.status = 'OPEN' AND u.username = 'agent2'"));
        boolean found = false;
        for (JsonNode row : page.get("rows")) {
            assertThat(row.get("status").asText()).isEqualTo("OPEN");
            assertThat(row.get("agent").asText()).isEqualTo("agent2");
            assertThat(row.get("phone").asText()).matches("\\d{3}\\*{4}\\d{4}");
            found |= row.get("id").asLong() == t.id();
        }
        assertThat(found).isTrue();
        assertThat(ListsHttp.api(s, token, "GET", "/api/tasks?status=LATER", null, Map.of()).body()).contains("\"field\":\"status\"");
        assertThat(ListsHttp.api(s, token, "GET", "/api/tasks?size=501", null, Map.of()).body()).contains("\"field\":\"size\"");
    }

    static String token(TestServer s, String county, String... scopes) {
        return s.context.getBean(ApiTokens.class).create("crm-" + UUID.randomUUID(), List.of(scopes),
                new Region(Region.Level.COUNTY, county), "test");
    }

    static HttpResponse<String> outcome(TestServer s, String token, long task, String body, String key) {
        return ListsHttp.api(s, token, "POST", "/api/tasks/" + task + "/outcome", body,
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }
}
