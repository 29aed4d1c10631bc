package io.tenure.server.work;

import io.tenure.server.testing.ListsData;
import io.tenure.server.testing.ListsHttp;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.tenure.server.work.AssignmentTest.agentId;
import static io.tenure.server.work.AssignmentTest.attr;
import static io.tenure.server.work.AssignmentTest.count;
import static org.assertj.core.api.Assertions.assertThat;

class TaskFlowTest {
    static Stream<TestServer> servers() {
        return Stream.of(TestServer.h2(), TestServer.postgres());
    }

    /** A task made by the manager for agent2; its id and subscriber. */
    record Made(long id, String subscriber) {
    }

    /** A task of a fresh risk-list entry (a service call: no offer). */
    static Made newTask(TestServer s) {
        List<String> entry = ListsData.riskEntries(s, s.county, 0.4);
        try {
            return assign(s, entry.get(0));
        } finally {
            ListsData.removeRiskOf(s, entry);
        }
    }

    /** A task of a fresh four-high entry with an offer (a marketing call). */
    static Made newOfferTask(TestServer s) {
        return assign(s, ListsData.fourHighEntries(s, s.county, 1).get(0));
    }

    private static Made assign(TestServer s, String entry) {
        ListsHttp manager = ListsHttp.signIn(s, "manager");
        String page = manager.follow(manager.post("/work/assign", Map.of("entry", List.of(entry), "agentId",
                List.of(String.valueOf(agentId(s, "agent2")))))).body();
        assertThat(attr(page, "data-assigned")).isEqualTo(1);
        String sub = ListsData.subscriber(entry);
        return new Made(s.jdbc.queryForObject("SELECT id FROM task WHERE subscriber_id = ? AND source = ?", Long.class, sub,
                ListsData.source(entry)), sub);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void theAgentSeesTheirTaskAndAnotherAgentGetsNotFound(TestServer s) {
        Made t = newOfferTask(s);
        ListsHttp agent2 = ListsHttp.signIn(s, "agent2");
        assertThat(agent2.get("/work/tasks").body()).contains("data-task=\"" + t.id() + "\"");
        HttpResponse<String> page = agent2.get("/work/tasks/" + t.id());
        assertThat(page.statusCode()).isEqualTo(200);
        String offer = s.jdbc.queryForObject("SELECT offer FROM task WHERE id = ?", String.class, t.id());
        String msisdn = msisdn(s, t.subscriber());
        assertThat(page.body()).contains(offer).contains(msisdn.substring(0, 3) + "****" + msisdn.substring(7))
                .doesNotContain(msisdn).contains("id=\"reveal\"").contains("id=\"outcome-form\"").contains("通话脚本");

        ListsHttp agent = ListsHttp.signIn(s, "agent");
        assertThat(agent.get("/work/tasks/" + t.id()).statusCode()).isEqualTo(404);
        assertThat(agent.get("/work/tasks").body()).doesNotContain("data-task=\"" + t.id() + "\"");
        String region = ListsHttp.signIn(s, "manager").get("/work/tasks?agent=agent2").body();
        assertThat(region).contains("data-task=\"" + t.id() + "\"").contains("客户经理乙");
        assertThat(ListsHttp.signIn(s, "othermanager").get("/work/tasks/" + t.id()).statusCode()).isEqualTo(404);
        assertThat(ListsHttp.signIn(s, "othermanager").get("/work/tasks").body()).doesNotContain("data-task=\"" + t.id() + "\"");
        assertThat(ListsHttp.signIn(s, "analyst").get("/work/tasks/" + t.id()).statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void revealShowsTheFullNumberOnlyToTheAssignedAgentAndIsAudited(TestServer s) {
        Made t = newTask(s);
        String msisdn = msisdn(s, t.subscriber());
        HttpResponse<String> other = ListsHttp.signIn(s, "agent").post("/work/tasks/" + t.id() + "/reveal", Map.of());
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain(msisdn);
        HttpResponse<String> manager = ListsHttp.signIn(s, "manager").post("/work/tasks/" + t.id() + "/reveal", Map.of());
        assertThat(manager.statusCode()).isEqualTo(403);
        assertThat(manager.body()).doesNotContain(msisdn);
        assertThat(ListsHttp.signIn(s, "manager").get("/work/tasks/" + t.id()).body()).doesNotContain(msisdn)
                .doesNotContain("id=\"reveal\"");
        assertThat(reveals(s, t.subscriber())).isZero();

        ListsHttp agent2 = ListsHttp.signIn(s, "agent2");
        HttpResponse<String> shown = agent2.post("/work/tasks/" + t.id() + "/reveal", Map.of());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("id=\"phone-full\">" + msisdn + "<");
        assertThat(reveals(s, t.subscriber())).isEqualTo(1);
        assertThat(s.jdbc.queryForObject("SELECT actor FROM audit_log WHERE action = 'REVEAL' AND target = ?", String.class,
                t.subscriber())).isEqualTo("agent2");
        // the page without the reveal shows the masked number again
        assertThat(agent2.get("/work/tasks/" + t.id()).body()).doesNotContain(msisdn);

        agent2.follow(agent2.post("/work/tasks/" + t.id() + "/outcome", Map.of("outcome", List.of("REACHED"))));
        assertThat(agent2.post("/work/tasks/" + t.id() + "/reveal", Map.of()).statusCode()).isEqualTo(409);
        assertThat(reveals(s, t.subscriber())).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void recordingAnOutcomeClosesTheTaskAndAddsTheCallToTheContacts(TestServer s) {
        Made t = newOfferTask(s);
        ListsHttp agent2 = ListsHttp.signIn(s, "agent2");
        HttpResponse<String> r = agent2.post("/work/tasks/" + t.id() + "/outcome", Map.of("outcome", List.of("ACCEPTED"),
                "note", List.of("客户同意改套餐")));
        assertThat(r.statusCode()).isEqualTo(302);
        String page = agent2.follow(r).body();
        assertThat(page).contains("id=\"recorded\"").contains("data-status=\"DONE\"").doesNotContain("id=\"outcome-form\"");
        Map<String, Object> task = s.jdbc.queryForMap("SELECT status, outcome, note, outcome_at FROM task WHERE id = ?", t.id());
        assertThat(task.get("status")).isEqualTo("DONE");
        assertThat(task.get("outcome")).isEqualTo("ACCEPTED");
        assertThat(task.get("note")).isEqualTo("客户同意改套餐");
        assertThat(task.get("outcome_at")).isNotNull();
        Map<String, Object> contact = s.jdbc.queryForMap("SELECT subscriber_id, channel, purpose, outcome, source FROM live_contact "
                + "WHERE task_id = ?", t.id());
        assertThat(contact).containsEntry("subscriber_id", t.subscriber()).containsEntry("channel", "CALL")
                .containsEntry("purpose", "MARKETING").containsEntry("outcome", "ACCEPTED").containsEntry("source", "agent:agent2");
        assertThat(count(s, "SELECT count(*) FROM audit_log WHERE action = 'OUTCOME' AND target = ?", "task:" + t.id())).isEqualTo(1);
        assertThat(count(s, "SELECT count(*) FROM opt_out WHERE subscriber_id = ?", t.subscriber())).isZero();
        assertThat(agent2.get("/work/tasks").body()).contains("id=\"tasks-done\"");

        // a second outcome for a done task is refused and adds nothing
        assertThat(agent2.post("/work/tasks/" + t.id() + "/outcome", Map.of("outcome", List.of("DECLINED"))).statusCode())
                .isEqualTo(409);
        assertThat(count(s, "SELECT count(*) FROM live_contact WHERE task_id = ?", t.id())).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void anOptOutIsKeptAtOnce(TestServer s) {
        Made t = newTask(s);
        ListsHttp agent2 = ListsHttp.signIn(s, "agent2");
        assertThat(agent2.post("/work/tasks/" + t.id() + "/outcome", Map.of("outcome", List.of("OPTED_OUT"))).statusCode())
                .isEqualTo(302);
        assertThat(s.jdbc.queryForObject("SELECT source FROM opt_out WHERE subscriber_id = ?", String.class, t.subscriber()))
                .isEqualTo("agent:agent2");
        assertThat(s.jdbc.queryForObject("SELECT outcome FROM live_contact WHERE task_id = ?", String.class, t.id()))
                .isEqualTo("OPTED_OUT");
        assertThat(agent2.get("/work/tasks/" + t.id()).body()).contains("id=\"opted-out\">是<");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aCallBackNeedsATimeInsideCallingHours(TestServer s) {
        Made t = newTask(s);
        ListsHttp agent2 = ListsHttp.signIn(s, "agent2");
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        HttpResponse<String> missing = agent2.post("/work/tasks/" + t.id() + "/outcome", Map.of("outcome", List.of("CALL_BACK")));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("data-field=\"callbackAt\"");
        HttpResponse<String> night = agent2.post("/work/tasks/" + t.id() + "/outcome", Map.of("outcome", List.of("CALL_BACK"),
                "callbackAt", List.of(tomorrow + "T22:30")));
        assertThat(night.statusCode()).isEqualTo(400);
        assertThat(night.body()).contains("data-field=\"callbackAt\"").contains(tomorrow + "T22:30");
        HttpResponse<String> longNote = agent2.post("/work/tasks/" + t.id() + "/outcome", Map.of("outcome", List.of("REACHED"),
                "note", List.of("长".repeat(1001))));
        assertThat(longNote.statusCode()).isEqualTo(400);
        assertThat(longNote.body()).contains("data-field=\"note\"");
        assertThat(s.jdbc.queryForObject("SELECT status FROM task WHERE id = ?", String.class, t.id())).isEqualTo("OPEN");
        assertThat(count(s, "SELECT count(*) FROM live_contact WHERE task_id = ?", t.id())).isZero();

        HttpResponse<String> ok = agent2.post("/work/tasks/" + t.id() + "/outcome", Map.of("outcome", List.of("CALL_BACK"),
                "callbackAt", List.of(tomorrow + "T10:30"), "note", List.of("在开会")));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(s.jdbc.queryForObject("SELECT status FROM task WHERE id = ?", String.class, t.id())).isEqualTo("CALL_BACK");
        assertThat(s.jdbc.queryForObject("SELECT outcome FROM live_contact WHERE task_id = ?", String.class, t.id()))
                .isEqualTo("ANSWERED");
        String list = agent2.get("/work/tasks").body();
        String callbacks = list.substring(list.indexOf("id=\"tasks-callback\""), list.indexOf("id=\"tasks-done\""));
        assertThat(callbacks).contains("data-task=\"" + t.id() + "\"").contains(tomorrow + " 10:30");
        assertThat(agent2.get("/work/tasks/" + t.id()).body()).contains("id=\"task-callback\">" + tomorrow + " 10:30<");
        // a call-back is still open work: the final outcome can follow
        assertThat(agent2.post("/work/tasks/" + t.id() + "/outcome", Map.of("outcome", List.of("DECLINED"))).statusCode())
                .isEqualTo(302);
        assertThat(count(s, "SELECT count(*) FROM live_contact WHERE task_id = ?", t.id())).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aPostWithoutTheCsrfTokenIsRefusedAndWritesNothing(TestServer s) {
        Made t = newTask(s);
        ListsHttp agent2 = ListsHttp.signIn(s, "agent2");
        HttpResponse<String> r = agent2.postRaw("/work/tasks/" + t.id() + "/outcome", Map.of("outcome", List.of("ACCEPTED")));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(agent2.postRaw("/work/tasks/" + t.id() + "/reveal", Map.of()).statusCode()).isEqualTo(403);
        assertThat(s.jdbc.queryForObject("SELECT status FROM task WHERE id = ?", String.class, t.id())).isEqualTo("OPEN");
        assertThat(count(s, "SELECT count(*) FROM live_contact WHERE task_id = ?", t.id())).isZero();
        assertThat(reveals(s, t.subscriber())).isZero();

        List<String> entry = ListsData.riskEntries(s, s.county, 0.5);
        try {
            HttpResponse<String> assign = ListsHttp.signIn(s, "manager").postRaw("/work/assign", Map.of("entry", entry,
                    "agentId", List.of(String.valueOf(agentId(s, "agent2")))));
            assertThat(assign.statusCode()).isEqualTo(403);
            assertThat(count(s, "SELECT count(*) FROM task WHERE subscriber_id = ?", ListsData.subscriber(entry.get(0)))).isZero();
        } finally {
            ListsData.removeRiskOf(s, entry);
        }
    }

    static String msisdn(TestServer s, String subscriber) {
        return s.jdbc.queryForObject("SELECT msisdn FROM customer WHERE subscriber_id = ?", String.class, subscriber);
    }

    static long reveals(TestServer s, String subscriber) {
        return count(s, "SELECT count(*) FROM audit_log WHERE action = 'REVEAL' AND target = ?", subscriber);
    }
}
