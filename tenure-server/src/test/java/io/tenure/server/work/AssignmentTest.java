package io.tenure.server.work;

import io.tenure.server.security.Region;
import io.tenure.server.security.Role;
import io.tenure.server.security.Users;
import io.tenure.server.testing.ListsData;
import io.tenure.server.testing.ListsHttp;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.tenure.server.testing.ListsHttp.all;
import static org.assertj.core.api.Assertions.assertThat;

class AssignmentTest {
    private static final AtomicInteger AGENTS = new AtomicInteger();

    static Stream<TestServer> servers() {
        return Stream.of(TestServer.h2(), TestServer.postgres());
    }

    @ParameterizedTest
    @MethodSource("servers")
    void whenCapacityBindsTheHighestPriorityEntriesAreAssignedAndTheRestReported(TestServer s) {
        long agent = newAgent(s, s.county, 5);
        List<String> subs = ListsData.subscribers(s, s.county, 8);
        double[] p = {0.10, 0.80, 0.30, 0.55, 0.05, 0.90, 0.21, 0.60};
        try {
            for (int i = 0; i < subs.size(); i++) {
                ListsData.risk(s, subs.get(i), p[i], p[i] >= 0.2 ? "HIGH" : "MEDIUM", "原因" + i);
            }
            ListsHttp manager = ListsHttp.signIn(s, "manager");
            HttpResponse<String> r = manager.post("/work/assign", Map.of("subscriber", subs, "source", List.of("PORT_OUT_RISK"),
                    "agentId", List.of(String.valueOf(agent)), "back", List.of("/lists/risk?band=HIGH")));
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/lists/risk?band=HIGH");
            String page = manager.follow(r).body();
            assertThat(attr(page, "data-assigned")).isEqualTo(5);
            assertThat(attr(page, "data-not-assigned")).isEqualTo(3);
            assertThat(attr(page, "data-over-capacity")).isEqualTo(3);
            assertThat(page).contains("3 条超出该客户经理今日容量");
            // probabilities 0.90, 0.80, 0.60, 0.55, 0.30 win
            assertThat(s.jdbc.queryForList("SELECT subscriber_id FROM task WHERE agent_id = ? ORDER BY subscriber_id", String.class, agent))
                    .containsExactlyInAnyOrder(subs.get(5), subs.get(1), subs.get(7), subs.get(3), subs.get(2));
            Map<String, Object> task = s.jdbc.queryForMap("SELECT source, as_of, script_needs, offer, status, assigned_by FROM task "
                    + "WHERE agent_id = ? AND subscriber_id = ?", agent, subs.get(1));
            assertThat(task.get("source")).isEqualTo("PORT_OUT_RISK");
            assertThat(task.get("as_of").toString()).isEqualTo(TestServer.AS_OF.toString());
            assertThat(task.get("script_needs")).isEqualTo("原因1");
            assertThat(task.get("offer")).isNull();
            assertThat(task.get("status")).isEqualTo("OPEN");
            assertThat(audits(s, "ASSIGN", "agent:" + agentName(s, agent))).isEqualTo(1);

            // the day is full now: the rest is reported, not assigned
            String again = manager.follow(manager.post("/work/assign", Map.of("subscriber", subs, "source",
                    List.of("PORT_OUT_RISK"), "agentId", List.of(String.valueOf(agent))))).body();
            assertThat(attr(again, "data-assigned")).isZero();
            assertThat(attr(again, "data-already")).isEqualTo(5);
            assertThat(attr(again, "data-over-capacity")).isEqualTo(3);
            assertThat(count(s, "SELECT count(*) FROM task WHERE agent_id = ?", agent)).isEqualTo(5);
        } finally {
            ListsData.removeRisk(s, subs);
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void anEntryIsNeverAssignedTwiceAndTheTaskCopiesTheScript(TestServer s) {
        List<String> entries = ListsData.fourHighEntries(s, s.county, 3);
        ListsHttp manager = ListsHttp.signIn(s, "manager");
        long agent2 = agentId(s, "agent2");
        String first = manager.follow(manager.post("/work/assign", Map.of("entry", entries, "agentId",
                List.of(String.valueOf(agent2)), "back", List.of("/lists/four-high")))).body();
        assertThat(attr(first, "data-assigned")).isEqualTo(3);
        long other = newAgent(s, s.county, 40);
        String second = manager.follow(manager.post("/work/assign", Map.of("entry", entries, "agentId",
                List.of(String.valueOf(other))))).body();
        assertThat(attr(second, "data-assigned")).isZero();
        assertThat(attr(second, "data-already")).isEqualTo(3);
        for (String e : entries) {
            String tag = e.substring(0, e.indexOf(':'));
            String sub = e.substring(e.indexOf(':') + 1);
            assertThat(count(s, "SELECT count(*) FROM task WHERE subscriber_id = ? AND source = ?", sub, tag)).isEqualTo(1);
            Map<String, Object> task = s.jdbc.queryForMap("SELECT agent_id, offer, script_needs, script_offer, city, county "
                    + "FROM task WHERE subscriber_id = ? AND source = ?", sub, tag);
            Map<String, Object> row = s.jdbc.queryForMap("SELECT offer, call_needs, call_offer, city, county FROM four_high "
                    + "WHERE subscriber_id = ? AND tag = ?", sub, tag);
            assertThat(((Number) task.get("agent_id")).longValue()).isEqualTo(agent2);
            assertThat(task.get("offer")).isEqualTo(row.get("offer")).isNotNull();
            assertThat(task.get("script_needs")).isEqualTo(row.get("call_needs"));
            assertThat(task.get("script_offer")).isEqualTo(row.get("call_offer"));
            assertThat(task.get("county")).isEqualTo(s.county);
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void entriesOutsideTheManagersRegionAreNotFoundAndNotAssigned(TestServer s) {
        List<String> far = ListsData.fourHighEntries(s, s.otherCounty, 1);
        ListsHttp manager = ListsHttp.signIn(s, "manager");
        String page = manager.follow(manager.post("/work/assign", Map.of("entry", far, "agentId",
                List.of(String.valueOf(agentId(s, "agent2")))))).body();
        assertThat(attr(page, "data-assigned")).isZero();
        assertThat(attr(page, "data-not-found")).isEqualTo(1);
        String sub = far.get(0).substring(far.get(0).indexOf(':') + 1);
        assertThat(count(s, "SELECT count(*) FROM task WHERE subscriber_id = ?", sub)).isZero();
    }

    @ParameterizedTest
    @MethodSource("servers")
    void anAgentOfAnotherRegionCannotBeChosen(TestServer s) {
        long far = newAgent(s, s.otherCounty, 40);
        List<String> entries = ListsData.riskEntries(s, s.county, 0.3);
        try {
            HttpResponse<String> r = ListsHttp.signIn(s, "manager").post("/work/assign", Map.of("entry", entries, "agentId",
                    List.of(String.valueOf(far))));
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(count(s, "SELECT count(*) FROM task WHERE agent_id = ?", far)).isZero();
        } finally {
            ListsData.removeRiskOf(s, entries);
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void optedOutSubscribersAreNotAssigned(TestServer s) {
        List<String> entries = ListsData.riskEntries(s, s.county, 0.3, 0.6);
        try {
            String out = ListsData.subscriber(entries.get(0));
            s.jdbc.update("INSERT INTO opt_out (subscriber_id, at, source) VALUES (?, CURRENT_TIMESTAMP, 'sms:R')", out);
            ListsHttp manager = ListsHttp.signIn(s, "manager");
            String page = manager.follow(manager.post("/work/assign", Map.of("entry", entries, "agentId",
                    List.of(String.valueOf(agentId(s, "agent2")))))).body();
            assertThat(attr(page, "data-assigned")).isEqualTo(1);
            assertThat(attr(page, "data-not-contactable")).isEqualTo(1);
            assertThat(count(s, "SELECT count(*) FROM task WHERE subscriber_id = ?", out)).isZero();
        } finally {
            ListsData.removeRiskOf(s, entries);
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void onlyManagersAssign(TestServer s) {
        List<String> entries = ListsData.riskEntries(s, s.county, 0.3);
        try {
            String agentId = String.valueOf(agentId(s, "agent2"));
            for (String user : List.of("agent", "analyst", "otheradmin")) {
                HttpResponse<String> r = ListsHttp.signIn(s, user).post("/work/assign", Map.of("entry", entries, "agentId",
                        List.of(agentId)));
                assertThat(r.statusCode()).as(user).isEqualTo(403);
            }
            assertThat(count(s, "SELECT count(*) FROM task WHERE subscriber_id = ?", ListsData.subscriber(entries.get(0)))).isZero();
        } finally {
            ListsData.removeRiskOf(s, entries);
        }
    }

    static long newAgent(TestServer s, String county, int capacity) {
        String name = "agent-" + AGENTS.incrementAndGet() + "-" + s.hashCode();
        return s.context.getBean(Users.class).create(name, "临时坐席", TestServer.PASSWORD, Role.AGENT,
                new Region(Region.Level.COUNTY, county), capacity);
    }

    static long agentId(TestServer s, String username) {
        return s.context.getBean(Users.class).find(username).orElseThrow().id();
    }

    static String agentName(TestServer s, long id) {
        return s.context.getBean(Users.class).find(id).orElseThrow().username();
    }

    static int attr(String page, String name) {
        List<String> v = all(page, name + "=\"(\\d+)\"");
        assertThat(v).as(name + " on the page").isNotEmpty();
        return Integer.parseInt(v.get(0));
    }

    static long count(TestServer s, String sql, Object... args) {
        return s.jdbc.queryForObject(sql, Long.class, args);
    }

    static long audits(TestServer s, String action, String target) {
        return count(s, "SELECT count(*) FROM audit_log WHERE action = ? AND target = ?", action, target);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aCityManagersAgentsAreThoseOfTheCityAndItsCountiesOnly(TestServer s) {
        Users users = s.context.getBean(Users.class);
        String city = s.jdbc.queryForObject("SELECT min(city) FROM customer WHERE county = ?", String.class, s.county);
        String elsewhere = s.jdbc.queryForObject("SELECT min(county) FROM customer WHERE city <> ?", String.class, city);
        long inCounty = newAgent(s, s.county, 3);
        long outside = newAgent(s, elsewhere, 3);

        List<Long> agents = users.agentsIn(new Region(Region.Level.CITY, city)).stream().map(u -> u.id()).toList();

        assertThat(agents).contains(inCounty).doesNotContain(outside);
        assertThat(users.agentsIn(Region.PROVINCE).stream().map(u -> u.id()).toList()).contains(inCounty, outside);
        assertThat(users.agentsIn(new Region(Region.Level.COUNTY, s.county)).stream().map(u -> u.id()).toList())
                .contains(inCounty).doesNotContain(outside);
    }
}
