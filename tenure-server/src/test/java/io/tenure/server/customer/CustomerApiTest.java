package io.tenure.server.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.server.privacy.Masking;
import io.tenure.server.security.ApiTokens;
import io.tenure.server.security.Region;
import io.tenure.server.security.Role;
import io.tenure.server.security.Users;
import io.tenure.server.testing.CustomerHttp;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer API with tokens, and the rows the server received since the feed, on both databases. */
class CustomerApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Named<Supplier<TestServer>>> servers() {
        return Stream.of(Named.of("h2", TestServer::h2), Named.of("postgres", TestServer::postgres));
    }

    /** The last subscriber (customer row {@code c}) matching the condition outside the two counties other tests use. */
    private static String thirdCountySubscriber(TestServer s, String condition) {
        return s.jdbc.queryForObject("SELECT max(c.subscriber_id) FROM customer c WHERE c.county NOT IN (?, ?) AND " + condition,
                String.class, s.county, s.otherCounty);
    }

    private static String token(TestServer s, List<String> scopes, Region region) {
        return s.context.getBean(ApiTokens.class).create("customer-api-test", scopes, region, "test");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void countyTokenReadsItsCountysCustomerMaskedAndGets404Elsewhere(Supplier<TestServer> db) throws Exception {
        TestServer s = db.get();
        String token = token(s, List.of("customers:read"), new Region(Region.Level.COUNTY, s.county));
        Map<String, Object> sub = CustomerPagesTest.subscriberWithOffer(s, s.county);
        String id = (String) sub.get("subscriber_id");
        String msisdn = (String) sub.get("msisdn");
        String name = (String) sub.get("customer_name");

        HttpResponse<String> own = CustomerHttp.api(s, token, "/api/customers/" + id);
        HttpResponse<String> other = CustomerHttp.api(s, token, "/api/customers/" + s.subscriberIn(s.otherCounty));
        HttpResponse<String> missing = CustomerHttp.api(s, token, "/api/customers/NO-SUCH-SUBSCRIBER");

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).doesNotContain(msisdn).doesNotContain(name).doesNotContain("birth");
        JsonNode c = JSON.readTree(own.body());
        assertThat(c.at("/profile/subscriberId").asText()).isEqualTo(id);
        assertThat(c.at("/profile/phone").asText()).isEqualTo(Masking.phone(msisdn));
        assertThat(c.at("/profile/name").asText()).isEqualTo(Masking.name(name));
        assertThat(c.at("/profile/county").asText()).isEqualTo(s.county);
        assertThat(c.at("/asOf").asText()).isEqualTo(TestServer.AS_OF.toString());
        assertThat(c.at("/profile/activationDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(c.at("/fourHigh").findValuesAsText("tag")).contains((String) sub.get("tag"));
        assertThat(c.at("/offers").findValuesAsText("offer")).contains((String) sub.get("offer"));
        assertThat(c.has("months")).isFalse(); // the card; the history is the 360
        JsonNode full = JSON.readTree(CustomerHttp.api(s, token, "/api/customers/" + id + "/360").body());
        assertThat(full.at("/profile").toString()).isEqualTo(c.at("/profile").toString());
        Integer months = s.jdbc.queryForObject("SELECT count(*) FROM customer_month WHERE subscriber_id = ?", Integer.class, id);
        assertThat(full.at("/months").size()).isEqualTo(Math.min(months, CustomerRepository.MONTHS));
        assertThat(CustomerHttp.api(s, token, "/api/customers/" + s.subscriberIn(s.otherCounty) + "/360").statusCode()).isEqualTo(404);

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(other.body()).at("/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).at("/message").asText())
                .isEqualTo(JSON.readTree(other.body()).at("/message").asText().replace(s.subscriberIn(s.otherCounty), "NO-SUCH-SUBSCRIBER"));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void tokenWithoutCustomersReadIsForbiddenAndNoTokenIsUnauthorized(Supplier<TestServer> db) throws Exception {
        TestServer s = db.get();
        String token = token(s, List.of("lists:read", "tasks:read"), Region.PROVINCE);
        String id = s.subscriberIn(s.county);

        HttpResponse<String> forbidden = CustomerHttp.api(s, token, "/api/customers/" + id);
        HttpResponse<String> anonymous = CustomerHttp.api(s, null, "/api/customers/" + id);

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forbidden.body()).at("/code").asText()).isEqualTo("FORBIDDEN");
        assertThat(forbidden.body()).doesNotContain(id);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        JsonNode docs = JSON.readTree(CustomerHttp.api(s, null, "/api/openapi.json").body());
        assertThat(docs.at("/paths").has("/api/customers/{subscriber_id}")).isTrue();
        assertThat(docs.at("/paths").has("/api/customers/{subscriber_id}/360")).isTrue();
        assertThat(docs.at("/paths/~1api~1customers~1{subscriber_id}/get/tags/0").asText()).isEqualTo("customers");
    }

    /**
     * Complaints, contacts and port events received since the feed join the feed's, newest first, a row the feed
     * already has showing once; an opt-out and an open task show on the 360; a risk score shows with its reasons.
     */
    @ParameterizedTest
    @MethodSource("servers")
    void rowsReceivedSinceTheFeedJoinTheFeedsRows(Supplier<TestServer> db) throws Exception {
        TestServer s = db.get();
        // a subscriber of a third county with a complaint and a contact in the feed: no other test uses it
        String id = thirdCountySubscriber(s, "EXISTS (SELECT 1 FROM complaint k WHERE k.subscriber_id = c.subscriber_id) "
                + "AND EXISTS (SELECT 1 FROM contact t WHERE t.subscriber_id = c.subscriber_id)");
        Map<String, Object> feedComplaint = s.jdbc.queryForMap("SELECT complaint_id, created_at FROM complaint WHERE subscriber_id = ? "
                + "ORDER BY complaint_id LIMIT 1", id);
        Map<String, Object> feedContact = s.jdbc.queryForMap("SELECT contact_time, channel FROM contact WHERE subscriber_id = ? "
                + "ORDER BY contact_time LIMIT 1", id);
        String msisdn = s.jdbc.queryForObject("SELECT msisdn FROM customer WHERE subscriber_id = ?", String.class, id);
        int feedComplaints = s.jdbc.queryForObject("SELECT count(*) FROM complaint WHERE subscriber_id = ?", Integer.class, id);
        int feedPorts = s.jdbc.queryForObject("SELECT count(*) FROM port_event WHERE subscriber_id = ?", Integer.class, id);
        OffsetDateTime now = TestServer.AS_OF.atTime(10, 30).atOffset(ZoneOffset.ofHours(8));

        s.jdbc.update("INSERT INTO live_complaint (complaint_id, subscriber_id, created_at, channel, category, text, source, "
                + "received_at) VALUES (?, ?, ?, 'APP', '网络质量', '家里信号差', 'crm', ?)", "LIVE-" + id, id, now, now);
        s.jdbc.update("INSERT INTO live_complaint (complaint_id, subscriber_id, created_at, channel, category, text, source, "
                        + "received_at) VALUES (?, ?, ?, 'APP', '重复', '重复', 'crm', ?)", feedComplaint.get("complaint_id"), id,
                feedComplaint.get("created_at"), now);
        s.jdbc.update("INSERT INTO live_contact (subscriber_id, contact_time, channel, purpose, outcome, source, received_at) "
                + "VALUES (?, ?, 'CALL', 'SERVICE', 'ANSWERED', 'work', ?)", id, now, now);
        s.jdbc.update("INSERT INTO live_contact (subscriber_id, contact_time, channel, purpose, outcome, source, received_at) "
                        + "VALUES (?, ?, ?, 'SERVICE', 'ANSWERED', 'work', ?)", id, feedContact.get("contact_time"),
                feedContact.get("channel"), now);
        s.jdbc.update("INSERT INTO live_port_event (event_id, msisdn, event_time, type, channel, source, received_at) "
                + "VALUES (?, ?, ?, 'QUERY', 'SMS', 'mnp', ?)", "LIVE-" + id, msisdn, now.minusMinutes(5), now);
        s.jdbc.update("INSERT INTO opt_out (subscriber_id, at, source) VALUES (?, ?, 'sms')", id, now);
        Users users = s.context.getBean(Users.class);
        long agent = users.find("agent-360").map(u -> u.id()).orElseGet(() -> users.create("agent-360", "坐席丙",
                TestServer.PASSWORD, Role.AGENT, Region.PROVINCE, 10));
        Map<String, Object> where = s.jdbc.queryForMap("SELECT city, county FROM customer WHERE subscriber_id = ?", id);
        s.jdbc.update("INSERT INTO task (subscriber_id, city, county, source, as_of, agent_id, assigned_by, assigned_at, work_date, "
                        + "status) VALUES (?, ?, ?, 'HIGH_DATA', ?, ?, ?, ?, ?, 'CALL_BACK')", id, where.get("city"), where.get("county"),
                LocalDate.of(2020, 1, 1), agent, agent, now, LocalDate.of(2020, 1, 2));
        String riskTable = s.liveTable("risk");
        s.jdbc.update("INSERT INTO " + riskTable + " (subscriber_id, city, county, vip_level, probability, band, reasons) "
                + "VALUES (?, ?, ?, 'NONE', 0.8, 'HIGH', '近期查询携转资格；投诉未解决')", id, where.get("city"), where.get("county"));
        try {
            String token = token(s, List.of("customers:read"), Region.PROVINCE);
            JsonNode c = JSON.readTree(CustomerHttp.api(s, token, "/api/customers/" + id + "/360").body());

            assertThat(c.at("/complaints").size()).isEqualTo(feedComplaints + 1);
            assertThat(c.at("/complaints/0/complaintId").asText()).isEqualTo("LIVE-" + id);
            assertThat(c.at("/complaints/0/live").asBoolean()).isTrue();
            assertThat(c.at("/complaints/0/createdAt").asText()).isEqualTo("2026-11-21T10:30:00+08:00");
            assertThat(c.at("/complaints").findValuesAsText("text")).doesNotContain("重复");
            assertThat(c.at("/contacts/0/channel").asText()).isEqualTo("CALL");
            assertThat(c.at("/contacts/0/live").asBoolean()).isTrue();
            assertThat(c.at("/contacts").findValues("live").stream().filter(JsonNode::asBoolean).count()).isEqualTo(1);
            assertThat(c.at("/portEvents").size()).isEqualTo(feedPorts + 1);
            assertThat(c.at("/portEvents/0/eventId").asText()).isEqualTo("LIVE-" + id);
            assertThat(c.at("/profile/optedOutAt").asText()).isEqualTo("2026-11-21T10:30:00+08:00");
            assertThat(c.at("/openTasks/0/agent").asText()).isEqualTo("坐席丙");
            assertThat(c.at("/openTasks/0/status").asText()).isEqualTo("CALL_BACK");
            assertThat(c.at("/risk/band").asText()).isEqualTo("HIGH");
            assertThat(c.at("/risk/probability").asDouble()).isEqualTo(0.8);
            assertThat(c.at("/risk/reasons/0").asText()).isEqualTo("近期查询携转资格");
            assertThat(c.at("/risk/reasons/1").asText()).isEqualTo("投诉未解决");

            String html = CustomerHttp.as(s, "analyst").get("/customers/" + id).body();
            assertThat(html).contains("已退订（2026-11-21 10:30）").contains("家里信号差").contains("新接收").contains("坐席丙")
                    .contains("class=\"band-HIGH\"").contains("80.0%").contains("近期查询携转资格");
        } finally {
            s.jdbc.update("DELETE FROM " + riskTable + " WHERE subscriber_id = ?", id);
        }
    }

    /**
     * The card's tags, warnings and open tasks come from one query: held tags before returned-to-normal ones, each
     * part in its order, a tag's option among the offers, a finished task left out.
     */
    @ParameterizedTest
    @MethodSource("servers")
    void cardListsHeldTagsFirstThenWarningsAndOpenTasksInWorkOrder(Supplier<TestServer> db) throws Exception {
        TestServer s = db.get();
        // a subscriber of a third county with nothing flagged and no tasks: the rows below are all it has
        String id = thirdCountySubscriber(s, "NOT EXISTS (SELECT 1 FROM four_high f WHERE f.subscriber_id = c.subscriber_id) "
                + "AND NOT EXISTS (SELECT 1 FROM early_warning w WHERE w.subscriber_id = c.subscriber_id) "
                + "AND NOT EXISTS (SELECT 1 FROM task t WHERE t.subscriber_id = c.subscriber_id)");
        Map<String, Object> where = s.jdbc.queryForMap("SELECT city, county FROM customer WHERE subscriber_id = ?", id);
        String fourHigh = s.liveTable("four_high");
        String warnings = s.liveTable("early_warning");
        for (String[] t : new String[][] {{"HIGH_ARPU", "EXITED", null}, {"HIGH_TARIFF", "STAYING", null},
                {"HIGH_DATA", "NEW", "20元10GB流量包"}}) {
            s.jdbc.update("INSERT INTO " + fourHigh + " (subscriber_id, city, county, tag, movement, month, total_fee, offer) "
                    + "VALUES (?, ?, ?, ?, ?, '2026-10', 188.00, ?)", id, where.get("city"), where.get("county"), t[0], t[1], t[2]);
        }
        for (String tag : List.of("HIGH_TARIFF", "HIGH_DATA")) {
            s.jdbc.update("INSERT INTO " + warnings + " (subscriber_id, city, county, tag, tracked_through, projected_fee) "
                    + "VALUES (?, ?, ?, ?, ?, 230.50)", id, where.get("city"), where.get("county"), tag, TestServer.AS_OF);
        }
        Users users = s.context.getBean(Users.class);
        long agent = users.find("agent-card").map(u -> u.id()).orElseGet(() -> users.create("agent-card", "坐席丁",
                TestServer.PASSWORD, Role.AGENT, Region.PROVINCE, 10));
        OffsetDateTime now = TestServer.AS_OF.atTime(9, 0).atOffset(ZoneOffset.ofHours(8));
        for (Object[] t : new Object[][] {{"HIGH_DATA", 24, "OPEN"}, {"EARLY_WARNING", 23, "CALL_BACK"}, {"PORT_OUT_RISK", 22, "DONE"}}) {
            s.jdbc.update("INSERT INTO task (subscriber_id, city, county, source, as_of, agent_id, assigned_by, assigned_at, "
                            + "work_date, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, where.get("city"), where.get("county"),
                    t[0], TestServer.AS_OF, agent, agent, now, LocalDate.of(2026, 11, (Integer) t[1]), t[2]);
        }
        try {
            String token = token(s, List.of("customers:read"), Region.PROVINCE);
            JsonNode c = JSON.readTree(CustomerHttp.api(s, token, "/api/customers/" + id).body());

            assertThat(c.at("/fourHigh").findValuesAsText("tag")).containsExactly("HIGH_DATA", "HIGH_TARIFF", "HIGH_ARPU");
            assertThat(c.at("/fourHigh/0/totalFee").decimalValue()).isEqualByComparingTo("188.00");
            assertThat(c.at("/offers").findValuesAsText("tag")).containsExactly("HIGH_DATA");
            assertThat(c.at("/offers/0/offer").asText()).isEqualTo("20元10GB流量包");
            assertThat(c.at("/warnings").findValuesAsText("tag")).containsExactly("HIGH_DATA", "HIGH_TARIFF");
            assertThat(c.at("/warnings/0/projectedFee").decimalValue()).isEqualByComparingTo("230.50");
            assertThat(c.at("/warnings/0/trackedThrough").asText()).isEqualTo(TestServer.AS_OF.toString());
            assertThat(c.at("/openTasks").findValuesAsText("source")).containsExactly("EARLY_WARNING", "HIGH_DATA");
            assertThat(c.at("/openTasks/0/agent").asText()).isEqualTo("坐席丁");
            assertThat(c.at("/risk").isMissingNode()).isTrue();
        } finally {
            s.jdbc.update("DELETE FROM " + fourHigh + " WHERE subscriber_id = ?", id);
            s.jdbc.update("DELETE FROM " + warnings + " WHERE subscriber_id = ?", id);
            s.jdbc.update("DELETE FROM task WHERE subscriber_id = ?", id);
        }
    }
}
