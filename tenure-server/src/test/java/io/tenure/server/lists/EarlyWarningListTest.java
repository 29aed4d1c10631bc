package io.tenure.server.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.server.security.ApiTokens;
import io.tenure.server.security.Region;
import io.tenure.server.security.Role;
import io.tenure.server.security.Users;
import io.tenure.server.testing.ListsData;
import io.tenure.server.testing.ListsHttp;
import io.tenure.server.testing.TestServer;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.tenure.server.lists.ListPagesTest.count;
import static io.tenure.server.lists.ListPagesTest.enc;
import static io.tenure.server.lists.ListPagesTest.total;
import static io.tenure.server.testing.ListsHttp.all;
import static org.assertj.core.api.Assertions.assertThat;

class EarlyWarningListTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger AGENTS = new AtomicInteger();

    static Stream<TestServer> servers() {
        return Stream.of(TestServer.h2(), TestServer.postgres());
    }

    @ParameterizedTest
    @MethodSource("servers")
    void managerSeesOnlyTheWarningsOfTheirCounty(TestServer s) {
        ListsHttp manager = ListsHttp.signIn(s, "manager");
        HttpResponse<String> r = manager.get("/lists/early-warning");
        assertThat(r.statusCode()).isEqualTo(200);
        long mine = count(s, "SELECT count(*) FROM early_warning WHERE county = ?", s.county);
        assertThat(mine).isPositive();
        assertThat(total(r)).isEqualTo(mine);
        assertThat(all(r.body(), "data-county=\"([^\"]+)\"")).hasSize((int) Math.min(mine, 50)).containsOnly(s.county);

        HttpResponse<String> other = manager.get("/lists/early-warning?county=" + enc(s.otherCounty));
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(total(other)).isZero();
        assertThat(other.body()).contains("id=\"list-empty\"").doesNotContain("data-county=\"" + s.otherCounty + "\"");

        // the province's analyst narrows to the other county and sees its warnings
        long theirs = count(s, "SELECT count(*) FROM early_warning WHERE county = ?", s.otherCounty);
        assertThat(theirs).isPositive();
        assertThat(total(ListsHttp.signIn(s, "analyst").get("/lists/early-warning?county=" + enc(s.otherCounty))))
                .isEqualTo(theirs);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void filtersNarrowByTagChannelAndContactAndOnlyWarningTagsAreAccepted(TestServer s) {
        ListsHttp analyst = ListsHttp.signIn(s, "analyst");
        HttpResponse<String> r = analyst.get("/lists/early-warning?tag=HIGH_TARIFF&channel=SMS&contactAllowed=Y&county="
                + enc(s.county));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(all(r.body(), "data-tag=\"([^\"]+)\"")).isNotEmpty().containsOnly("HIGH_TARIFF");
        assertThat(total(r)).isEqualTo(count(s, "SELECT count(*) FROM early_warning WHERE county = ? AND tag = 'HIGH_TARIFF' "
                + "AND channel = 'SMS' AND contact_allowed = 'Y'", s.county));
        assertThat(total(analyst.get("/lists/early-warning?contactAllowed=N")))
                .isEqualTo(count(s, "SELECT count(*) FROM early_warning WHERE contact_allowed = 'N'"));
        // the projection only warns of data and voice overage
        HttpResponse<String> silence = analyst.get("/lists/early-warning?tag=HIGH_SILENCE");
        assertThat(silence.statusCode()).isEqualTo(400);
        assertThat(silence.body()).contains("tag: &#39;HIGH_SILENCE&#39; is not one of [HIGH_DATA, HIGH_TARIFF]");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void rowsAreMaskedInTheListOrderAndLinkToTheCustomer(TestServer s) {
        HttpResponse<String> r = ListsHttp.signIn(s, "manager").get("/lists/early-warning");
        List<String> rows = all(r.body(), "class=\"list-row\" (data-subscriber=\"[^\"]+\" data-county=\"[^\"]+\" data-tag=\"[^\"]+\")");
        List<String> expected = s.jdbc.queryForList("SELECT 'data-subscriber=\"' || subscriber_id || '\" data-county=\"' || county "
                + "|| '\" data-tag=\"' || tag || '\"' FROM early_warning WHERE county = ? "
                + "ORDER BY projected_fee DESC, subscriber_id, tag LIMIT 50", String.class, s.county);
        assertThat(rows).containsExactlyElementsOf(expected);
        for (String id : all(r.body(), "data-subscriber=\"([^\"]+)\"")) {
            Map<String, Object> c = s.jdbc.queryForMap("SELECT msisdn, customer_name FROM customer WHERE subscriber_id = ?", id);
            String msisdn = (String) c.get("msisdn");
            assertThat(r.body()).doesNotContain(msisdn).contains(msisdn.substring(0, 3) + "****" + msisdn.substring(7))
                    .contains("href=\"/customers/" + id + "\"");
            String name = (String) c.get("customer_name");
            if (name != null && name.length() > 1) {
                assertThat(r.body()).doesNotContain(">" + name + "<");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void managersGetTheCheckboxesAndAssignFormAgentsNeitherNorTheExport(TestServer s) {
        String manager = ListsHttp.signIn(s, "manager").get("/lists/early-warning").body();
        assertThat(manager).contains("id=\"assign-form\"").contains("id=\"export\"")
                .contains("href=\"/lists/early-warning\"").contains("超套预警");
        assertThat(all(manager, "name=\"entry\" form=\"assign-form\" value=\"([^\"]+)\""))
                .isNotEmpty().allMatch(v -> v.startsWith("EARLY_WARNING:"));
        assertThat(all(manager, "<select name=\"(\\w+)\"")).containsExactly("county", "tag", "channel", "contactAllowed", "agentId");
        assertThat(all(manager, "(?s)<select name=\"tag\"[^>]*>(.*?)</select>")).singleElement().satisfies(tags ->
                assertThat(all(tags, "value=\"(\\w*)\"")).containsExactly("", "HIGH_DATA", "HIGH_TARIFF"));
        String agent = ListsHttp.signIn(s, "agent").get("/lists/early-warning").body();
        assertThat(agent).contains("data-subscriber=").doesNotContain("id=\"assign-form\"").doesNotContain("name=\"entry\"")
                .doesNotContain("id=\"export\"");
        assertThat(ListsHttp.signIn(s, "agent").getBytes("/lists/early-warning.xlsx").statusCode()).isEqualTo(403);
        assertThat(ListsHttp.signIn(s, "auditor").get("/audit").body()).contains("id=\"logout\"")
                .doesNotContain("href=\"/lists/early-warning\"");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void theExportHoldsTheFilteredRowsMaskedAndIsAudited(TestServer s) throws Exception {
        ListsHttp manager = ListsHttp.signIn(s, "manager");
        long listed = total(manager.get("/lists/early-warning?tag=HIGH_DATA"));
        long before = exports(s);
        HttpResponse<byte[]> r = manager.getBytes("/lists/early-warning.xlsx?tag=HIGH_DATA");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v ->
                assertThat(v).contains("attachment").contains("early-warning-" + TestServer.AS_OF + ".xlsx"));
        List<List<String>> rows = read(r.body());
        assertThat(rows.get(0)).startsWith("用户编号", "号码", "姓名", "地市", "区县", "标签", "跟踪至", "预计超套费(元)");
        List<List<String>> data = rows.subList(1, rows.size());
        assertThat(listed).isPositive();
        assertThat((long) data.size()).isEqualTo(listed)
                .isEqualTo(count(s, "SELECT count(*) FROM early_warning WHERE county = ? AND tag = 'HIGH_DATA'", s.county));
        for (List<String> row : data) {
            Map<String, Object> c = s.jdbc.queryForMap("SELECT msisdn, customer_name FROM customer WHERE subscriber_id = ?", row.get(0));
            String msisdn = (String) c.get("msisdn");
            assertThat(row.get(1)).isEqualTo(msisdn.substring(0, 3) + "****" + msisdn.substring(7));
            assertThat(row.get(2)).matches("\\S\\*+").isNotEqualTo(c.get("customer_name"));
            assertThat(row.get(4)).isEqualTo(s.county);
            assertThat(row.get(5)).isEqualTo("高流量");
            assertThat(row.get(6)).isEqualTo(s.jdbc.queryForObject("SELECT tracked_through FROM early_warning WHERE "
                    + "subscriber_id = ? AND tag = 'HIGH_DATA'", java.sql.Date.class, row.get(0)).toString());
            assertThat(String.join("|", row)).doesNotContain(msisdn);
        }
        assertThat(exports(s)).isEqualTo(before + 1);
        String detail = s.jdbc.queryForObject("SELECT detail FROM audit_log WHERE actor = 'manager' AND action = 'EXPORT' "
                + "AND target = 'early-warning' ORDER BY id DESC LIMIT 1", String.class);
        assertThat(detail).contains("tag=HIGH_DATA").contains("rows " + listed);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void theApiAnswersTheTokensRegionMaskedAndNamesABadTag(TestServer s) throws Exception {
        String token = s.context.getBean(ApiTokens.class).create("crm-" + UUID.randomUUID(), List.of("lists:read"),
                new Region(Region.Level.COUNTY, s.county), "test");
        HttpResponse<String> r = ListsHttp.api(s, token, "GET", "/api/lists/early-warning?size=500", null, Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(r.body());
        assertThat(page.get("total").asLong()).isEqualTo(count(s, "SELECT count(*) FROM early_warning WHERE county = ?", s.county));
        assertThat(page.get("rows").size()).isEqualTo(page.get("total").asInt());
        for (JsonNode row : page.get("rows")) {
            assertThat(row.get("county").asText()).isEqualTo(s.county);
            assertThat(row.get("phone").asText()).matches("\\d{3}\\*{4}\\d{4}");
            assertThat(row.get("callNeeds").asText()).isNotBlank();
            assertThat(row.get("projectedFee").decimalValue()).isPositive();
        }
        JsonNode outside = JSON.readTree(ListsHttp.api(s, token, "GET", "/api/lists/early-warning?county="
                + enc(s.otherCounty), null, Map.of()).body());
        assertThat(outside.get("total").asLong()).isZero();
        HttpResponse<String> bad = ListsHttp.api(s, token, "GET", "/api/lists/early-warning?tag=HIGH_ARPU", null, Map.of());
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(bad.body());
        assertThat(error.get("code").asText()).isEqualTo("INVALID_VALUE");
        assertThat(error.get("field").asText()).isEqualTo("tag");
        String tasksOnly = s.context.getBean(ApiTokens.class).create("crm-" + UUID.randomUUID(), List.of("tasks:read"),
                Region.PROVINCE, "test");
        assertThat(ListsHttp.api(s, tasksOnly, "GET", "/api/lists/early-warning", null, Map.of()).statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void assigningAWarningCreatesATaskWithTheWarningsScript(TestServer s) {
        String single = ListsData.earlyWarningSubscribers(s, s.county, 1, 1).get(0);
        List<String> both = ListsData.earlyWarningSubscribers(s, s.county, 2, 1);
        assertThat(both).as("a subscriber of the county warned for data and voice").hasSize(1);
        String twice = both.get(0);
        long agent = s.context.getBean(Users.class).create("ew-agent-" + AGENTS.incrementAndGet() + "-" + s.hashCode(),
                "预警坐席", TestServer.PASSWORD, Role.AGENT, new Region(Region.Level.COUNTY, s.county), 40);
        ListsHttp manager = ListsHttp.signIn(s, "manager");
        HttpResponse<String> r = manager.post("/work/assign", Map.of("entry", List.of("EARLY_WARNING:" + single,
                "EARLY_WARNING:" + twice, "EARLY_WARNING:" + twice), "agentId", List.of(String.valueOf(agent)),
                "back", List.of("/lists/early-warning?tag=HIGH_DATA")));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/lists/early-warning?tag=HIGH_DATA");
        assertThat(manager.follow(r).body()).contains("data-assigned=\"2\"");

        Map<String, Object> task = s.jdbc.queryForMap("SELECT source, script_needs, script_offer, county, status FROM task "
                + "WHERE agent_id = ? AND subscriber_id = ?", agent, single);
        Map<String, Object> warning = s.jdbc.queryForMap("SELECT call_needs, call_offer FROM early_warning WHERE subscriber_id = ?",
                single);
        assertThat(task.get("source")).isEqualTo("EARLY_WARNING");
        assertThat(task.get("script_needs")).isEqualTo(warning.get("call_needs")).isNotNull();
        assertThat(task.get("script_offer")).isEqualTo(warning.get("call_offer"));
        assertThat(task.get("county")).isEqualTo(s.county);
        assertThat(task.get("status")).isEqualTo("OPEN");

        // warned twice, tasked once: the call speaks of the larger projected fee
        assertThat(count(s, "SELECT count(*) FROM task WHERE subscriber_id = ? AND source = 'EARLY_WARNING'", twice)).isEqualTo(1);
        String larger = s.jdbc.queryForObject("SELECT call_needs FROM early_warning WHERE subscriber_id = ? "
                + "ORDER BY projected_fee DESC LIMIT 1", String.class, twice);
        assertThat(s.jdbc.queryForObject("SELECT script_needs FROM task WHERE subscriber_id = ? AND source = 'EARLY_WARNING'",
                String.class, twice)).isEqualTo(larger);
    }

    private static long exports(TestServer s) {
        return count(s, "SELECT count(*) FROM audit_log WHERE actor = 'manager' AND action = 'EXPORT' AND target = 'early-warning'");
    }

    private static List<List<String>> read(byte[] xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(row.getCell(i) == null ? "" : f.formatCellValue(row.getCell(i)));
                }
                out.add(cells);
            }
        }
        return out;
    }
}
