package io.tenure.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.server.security.Region;
import io.tenure.server.testing.AdminHttp;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer s;
    private static String writer;
    private static String writerName;
    /** Customers of the county on no list, from the highest id down: no other test works on them. */
    private static List<String> inCounty;
    private static String outsideSubscriber;
    private static String outsideMsisdn;

    @BeforeAll
    static void start() {
        s = TestServer.h2();
        writerName = "crm-" + UUID.randomUUID();
        writer = AdminHttp.token(s, writerName, new Region(Region.Level.COUNTY, s.county), "events:write", "contacts:read");
        inCounty = quietCustomers(s, s.county);
        outsideSubscriber = s.jdbc.queryForObject("SELECT max(subscriber_id) FROM customer WHERE county = ?", String.class,
                s.otherCounty);
        outsideMsisdn = s.jdbc.queryForObject("SELECT msisdn FROM customer WHERE subscriber_id = ?", String.class,
                outsideSubscriber);
    }

    /** Customers of a county on no list (so no task or list test meets the events written for them), highest id first. */
    static List<String> quietCustomers(TestServer server, String county) {
        return server.jdbc.queryForList("SELECT c.subscriber_id FROM customer c WHERE c.county = ? AND NOT EXISTS "
                + "(SELECT 1 FROM four_high f WHERE f.subscriber_id = c.subscriber_id) AND NOT EXISTS "
                + "(SELECT 1 FROM early_warning w WHERE w.subscriber_id = c.subscriber_id) ORDER BY c.subscriber_id DESC",
                String.class, county);
    }

    private static String complaint(String id, String subscriber, String createdAt) {
        return """
                {"complaint_id":"%s","subscriber_id":"%s","created_at":"%s","channel":"HOTLINE","category":"资费争议",
                 "text":"套餐外流量费过高","closed_at":null,"resolved":"N"}""".formatted(id, subscriber, createdAt);
    }

    private static HttpResponse<String> post(String path, String body, String... headers) {
        return AdminHttp.api(s, "POST", path, writer, body, headers);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static int complaints(String id) {
        return s.jdbc.queryForObject("SELECT count(*) FROM live_complaint WHERE complaint_id = ?", Integer.class, id);
    }

    @Test
    void aComplaintOfTheTokensRegionIsStoredWithItsLocalTimeAndAudited() throws Exception {
        String id = "C-" + UUID.randomUUID();
        HttpResponse<String> r = post("/api/events/complaints", complaint(id, inCounty.get(0), "2026-11-20 09:30:00"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).get("accepted").asInt()).isEqualTo(1);
        var row = s.jdbc.queryForMap("SELECT subscriber_id, created_at, channel, resolved, source FROM live_complaint "
                + "WHERE complaint_id = ?", id);
        assertThat(row.get("subscriber_id")).isEqualTo(inCounty.get(0));
        // a time without offset is Asia/Shanghai's: 09:30 there is 01:30 UTC
        assertThat(s.jdbc.queryForObject("SELECT created_at FROM live_complaint WHERE complaint_id = ?", Timestamp.class, id)
                .toInstant()).isEqualTo(Instant.parse("2026-11-20T01:30:00Z"));
        assertThat(row.get("resolved")).isEqualTo(false);
        assertThat(row.get("source")).isEqualTo("token:" + writerName);
        assertThat(s.jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'API_WRITE' AND actor = ? "
                + "AND target LIKE ?", Integer.class, "token:" + writerName, "%" + id + "%")).isEqualTo(1);
    }

    @Test
    void aBadValueInABatchNamesTheFieldAndTheElementAndNothingIsWritten() throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add("C-" + UUID.randomUUID());
            events.add(complaint(ids.get(i), inCounty.get(1), i == 3 ? "2026-13-01T10:00:00" : "2026-11-20T10:00:00+08:00"));
        }
        HttpResponse<String> r = post("/api/events/complaints", "[" + String.join(",", events) + "]");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = json(r);
        assertThat(e.get("code").asText()).isEqualTo("INVALID_VALUE");
        assertThat(e.get("field").asText()).isEqualTo("created_at");
        assertThat(e.get("index").asInt()).isEqualTo(3);
        assertThat(e.get("message").asText()).contains("created_at", "2026-13-01T10:00:00", "ISO-8601");
        assertThat(ids).allSatisfy(id -> assertThat(complaints(id)).isZero());
    }

    @Test
    void aMisspeltFieldAMissingValueAndAWrongCodeAreEachNamed() throws Exception {
        HttpResponse<String> unknown = post("/api/events/complaints", """
                {"complaint_id":"C-x1","subscriber_id":"%s","created_at":"2026-11-20T10:00:00+08:00","closed":"2026-11-21"}"""
                .formatted(inCounty.get(1)));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("field").asText()).isEqualTo("closed");
        assertThat(json(unknown).has("index")).isFalse();

        HttpResponse<String> missing = post("/api/events/port-events", """
                {"event_id":"P-x1","msisdn":"13800000000","type":"QUERY"}""");
        assertThat(json(missing).get("field").asText()).isEqualTo("event_time");
        assertThat(json(missing).get("message").asText()).contains("required");

        HttpResponse<String> code = post("/api/events/contacts", """
                [{"subscriber_id":"%s","contact_time":"2026-11-20T10:00:00Z","channel":"EMAIL"}]""".formatted(inCounty.get(1)));
        assertThat(code.statusCode()).isEqualTo(400);
        assertThat(json(code).get("field").asText()).isEqualTo("channel");
        assertThat(json(code).get("index").asInt()).isZero();
        assertThat(json(code).get("message").asText()).contains("EMAIL", "SMS, CALL, APP, MANAGER, STORE");

        HttpResponse<String> number = post("/api/events/port-events", """
                {"event_id":"P-x2","msisdn":"1380000","event_time":"2026-11-20T10:00:00+08:00","type":"QUERY"}""");
        assertThat(json(number).get("field").asText()).isEqualTo("msisdn");

        HttpResponse<String> order = post("/api/events/complaints", """
                {"complaint_id":"C-x2","subscriber_id":"%s","created_at":"2026-11-20T10:00:00+08:00",
                 "closed_at":"2026-11-19T10:00:00+08:00"}""".formatted(inCounty.get(1)));
        assertThat(json(order).get("field").asText()).isEqualTo("closed_at");

        HttpResponse<String> notJson = post("/api/events/complaints", "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).get("code").asText()).isEqualTo("INVALID_VALUE");
    }

    @Test
    void aBatchOfMoreThanAThousandIsRefusedWhole() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            events.add("{\"subscriber_id\":\"" + inCounty.get(2) + "\",\"contact_time\":\"2026-11-20T10:00:00+08:00\",\"channel\":\"SMS\"}");
        }
        HttpResponse<String> r = post("/api/events/contacts", "[" + String.join(",", events) + "]");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("message").asText()).contains("1000");
        assertThat(s.jdbc.queryForObject("SELECT count(*) FROM live_contact WHERE subscriber_id = ?", Integer.class,
                inCounty.get(2))).isZero();
    }

    @Test
    void aSubscriberOutsideTheTokensRegionIsNotFoundLikeAnUnknownOne() throws Exception {
        String inside = "C-" + UUID.randomUUID();
        String outside = "C-" + UUID.randomUUID();
        HttpResponse<String> r = post("/api/events/complaints", "[" + complaint(inside, inCounty.get(3), "2026-11-20T10:00:00+08:00")
                + "," + complaint(outside, outsideSubscriber, "2026-11-20T10:00:00+08:00") + "]");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("field").asText()).isEqualTo("subscriber_id");
        assertThat(json(r).get("index").asInt()).isEqualTo(1);
        assertThat(json(r).get("message").asText()).contains(outsideSubscriber);
        assertThat(complaints(inside)).isZero();

        HttpResponse<String> unknown = post("/api/events/complaints", complaint(outside, "NO-SUCH-SUBSCRIBER", "2026-11-20T10:00:00+08:00"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("message").asText().replace("NO-SUCH-SUBSCRIBER", "X"))
                .isEqualTo(json(r).get("message").asText().replace(outsideSubscriber, "X"));
    }

    @Test
    void aComplaintIdReceivedTwiceIsAConflict() throws Exception {
        String id = "C-" + UUID.randomUUID();
        assertThat(post("/api/events/complaints", complaint(id, inCounty.get(4), "2026-11-20T10:00:00+08:00")).statusCode())
                .isEqualTo(201);
        HttpResponse<String> again = post("/api/events/complaints", complaint(id, inCounty.get(4), "2026-11-20T11:00:00+08:00"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("field").asText()).isEqualTo("complaint_id");
        assertThat(json(again).get("message").asText()).contains(id);

        String twice = "C-" + UUID.randomUUID();
        HttpResponse<String> inBatch = post("/api/events/complaints", "[" + complaint(twice, inCounty.get(4), "2026-11-20T10:00:00+08:00")
                + "," + complaint(twice, inCounty.get(4), "2026-11-20T10:00:00+08:00") + "]");
        assertThat(inBatch.statusCode()).isEqualTo(409);
        assertThat(json(inBatch).get("index").asInt()).isEqualTo(1);
        assertThat(complaints(id)).isEqualTo(1);
        assertThat(complaints(twice)).isZero();
    }

    @Test
    void theSameKeyWithTheSameBodyReplaysTheFirstAnswerAndWritesOnce() throws Exception {
        String id = "C-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = complaint(id, inCounty.get(5), "2026-11-20T10:00:00+08:00");
        HttpResponse<String> first = post("/api/events/complaints", body, Idempotency.HEADER, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue(Idempotency.REPLAYED)).isEmpty();
        // the same request with its fields in another order is the same request
        var fields = new ArrayList<String>();
        JSON.readTree(body).fieldNames().forEachRemaining(fields::add);
        var shuffledNode = JSON.createObjectNode();
        for (int i = fields.size() - 1; i >= 0; i--) {
            shuffledNode.set(fields.get(i), JSON.readTree(body).get(fields.get(i)));
        }
        String shuffled = JSON.writeValueAsString(shuffledNode);
        assertThat(shuffled).isNotEqualTo(body);
        HttpResponse<String> second = post("/api/events/complaints", shuffled, Idempotency.HEADER, key);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.headers().firstValue(Idempotency.REPLAYED)).contains("true");
        assertThat(json(second)).isEqualTo(json(first));
        assertThat(complaints(id)).isEqualTo(1);
        assertThat(s.jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'API_WRITE' AND target LIKE ?",
                Integer.class, "%" + id + "%")).isEqualTo(1);

        HttpResponse<String> other = post("/api/events/complaints", complaint("C-" + UUID.randomUUID(), inCounty.get(5),
                "2026-11-20T10:00:00+08:00"), Idempotency.HEADER, key);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(json(other).get("message").asText()).contains(key);

        // keys belong to one client: another token's same key is its own
        String otherToken = AdminHttp.token(s, "sms-" + UUID.randomUUID(), Region.PROVINCE, "events:write");
        String id2 = "C-" + UUID.randomUUID();
        HttpResponse<String> theirs = AdminHttp.api(s, "POST", "/api/events/complaints", otherToken,
                complaint(id2, inCounty.get(5), "2026-11-20T10:00:00+08:00"), Idempotency.HEADER, key);
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(complaints(id2)).isEqualTo(1);
    }

    @Test
    void aPortEventIsTakenForANumberOfTheRegionOnly() throws Exception {
        String msisdn = s.jdbc.queryForObject("SELECT msisdn FROM customer WHERE subscriber_id = ?", String.class, inCounty.get(6));
        String id = "P-" + UUID.randomUUID();
        HttpResponse<String> r = post("/api/events/port-events", """
                {"event_id":"%s","msisdn":"%s","event_time":"2026-11-20T10:05:00+08:00","type":"AUTH_CODE","channel":"SMS",
                 "reason":"外地工作"}""".formatted(id, msisdn));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(s.jdbc.queryForObject("SELECT type FROM live_port_event WHERE event_id = ?", String.class, id))
                .isEqualTo("AUTH_CODE");

        String outside = "P-" + UUID.randomUUID();
        HttpResponse<String> o = post("/api/events/port-events", """
                {"event_id":"%s","msisdn":"%s","event_time":"2026-11-20T10:05:00+08:00","type":"QUERY"}"""
                .formatted(outside, outsideMsisdn));
        assertThat(o.statusCode()).isEqualTo(404);
        assertThat(json(o).get("field").asText()).isEqualTo("msisdn");
        assertThat(s.jdbc.queryForObject("SELECT count(*) FROM live_port_event WHERE event_id = ?", Integer.class, outside)).isZero();
    }

    @Test
    void anOptedOutContactRecordsTheOptOutOnceAndKeepsTheFirst() throws Exception {
        String subscriber = inCounty.get(7);
        HttpResponse<String> r = post("/api/events/contacts", """
                [{"subscriber_id":"%1$s","contact_time":"2026-11-20T10:00:00+08:00","channel":"SMS","purpose":"MARKETING",
                  "campaign_id":"CMP-1","outcome":"DELIVERED"},
                 {"subscriber_id":"%1$s","contact_time":"2026-11-20T10:30:00+08:00","channel":"SMS","purpose":"MARKETING",
                  "campaign_id":"CMP-1","outcome":"OPTED_OUT"}]""".formatted(subscriber));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r).get("accepted").asInt()).isEqualTo(2);
        assertThat(json(r).get("opted_out").asInt()).isEqualTo(1);
        assertThat(s.jdbc.queryForObject("SELECT count(*) FROM live_contact WHERE subscriber_id = ?", Integer.class, subscriber))
                .isEqualTo(2);
        Instant at = s.jdbc.queryForObject("SELECT at FROM opt_out WHERE subscriber_id = ?", Timestamp.class, subscriber).toInstant();
        assertThat(at).isEqualTo(Instant.parse("2026-11-20T02:30:00Z"));

        HttpResponse<String> again = post("/api/events/contacts", """
                {"subscriber_id":"%s","contact_time":"2026-11-22T10:00:00+08:00","channel":"CALL","outcome":"OPTED_OUT"}"""
                .formatted(subscriber));
        assertThat(json(again).get("opted_out").asInt()).isZero();
        assertThat(s.jdbc.queryForObject("SELECT at FROM opt_out WHERE subscriber_id = ?", Timestamp.class, subscriber).toInstant())
                .isEqualTo(at);
    }

    @Test
    void theContactHistoryIsPulledBackByRegionPageByPage() throws Exception {
        String subscriber = inCounty.get(8);
        Instant before = Instant.now().minusSeconds(1);
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"subscriber_id\":\"").append(subscriber)
                    .append("\",\"contact_time\":\"2026-11-20T1").append(i).append(":00:00+08:00\",\"channel\":\"CALL\",\"outcome\":\"ANSWERED\"}");
        }
        assertThat(post("/api/events/contacts", batch.append("]").toString()).statusCode()).isEqualTo(201);

        // page through with limit 2: every contact once, oldest first
        List<String> seen = new ArrayList<>();
        String since = before.toString();
        long after = -1;
        for (int guard = 0; guard < 1000; guard++) {
            JsonNode page = json(AdminHttp.api(s, "GET", "/api/contacts?since=" + since + "&after_id=" + after + "&limit=2",
                    writer, null));
            page.get("contacts").forEach(c -> {
                if (c.get("subscriber_id").asText().equals(subscriber)) {
                    seen.add(c.get("contact_time").asText());
                }
            });
            if (!page.get("more").asBoolean()) {
                break;
            }
            since = page.get("next_since").asText();
            after = page.get("next_after_id").asLong();
        }
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(seen).isSorted();

        String elsewhere = AdminHttp.token(s, "dw-" + UUID.randomUUID(), new Region(Region.Level.COUNTY, s.otherCounty),
                "contacts:read");
        JsonNode theirs = json(AdminHttp.api(s, "GET", "/api/contacts?since=" + before + "&limit=10000", elsewhere, null));
        theirs.get("contacts").forEach(c -> assertThat(c.get("subscriber_id").asText()).isNotEqualTo(subscriber));

        HttpResponse<String> noSince = AdminHttp.api(s, "GET", "/api/contacts", writer, null);
        assertThat(noSince.statusCode()).isEqualTo(400);
        assertThat(json(noSince).get("field").asText()).isEqualTo("since");
        HttpResponse<String> badLimit = AdminHttp.api(s, "GET", "/api/contacts?since=2026-11-20T00:00:00&limit=0", writer, null);
        assertThat(json(badLimit).get("field").asText()).isEqualTo("limit");
    }
}
