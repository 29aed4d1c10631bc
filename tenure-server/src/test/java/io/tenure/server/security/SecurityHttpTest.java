package io.tenure.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.server.ServerSettings;
import io.tenure.server.testing.AdminHttp;
import io.tenure.server.testing.ListsHttp;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tenure.server.testing.AdminHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

class SecurityHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.h2();
    }

    private static String newUser(TestServer server, Role role) {
        String name = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        server.context.getBean(Users.class).create(name, name, TestServer.PASSWORD, role, Region.PROVINCE, 0);
        return name;
    }

    private static boolean signedIn(HttpResponse<String> r) {
        return r.statusCode() == 302 && !r.headers().firstValue("Location").orElse("").contains("error");
    }

    private static int audits(TestServer server, String actor, String action) {
        return server.jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE actor = ? AND action = ?", Integer.class,
                actor, action);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anAccountLocksAfterTooManyWrongPasswordsAndThenRefusesTheRightOne(String database) {
        TestServer server = "h2".equals(database) ? TestServer.h2() : TestServer.postgres();
        int max = server.context.getBean(ServerSettings.class).maxFailedLogins();
        String name = newUser(server, Role.ANALYST);
        for (int i = 0; i < max; i++) {
            assertThat(signedIn(AdminHttp.anonymous(server).signIn(name, "not-the-password-" + i))).isFalse();
        }
        assertThat(signedIn(AdminHttp.anonymous(server).signIn(name, TestServer.PASSWORD))).isFalse();
        assertThat(audits(server, name, "LOGIN_FAILED")).isEqualTo(max + 1);
        assertThat(audits(server, name, "LOCKED")).isEqualTo(1);
        assertThat(audits(server, name, "LOGIN")).isZero();
        assertThat(server.jdbc.queryForObject("SELECT locked_until FROM app_user WHERE username = ?", java.sql.Timestamp.class, name))
                .isNotNull();
    }

    @Test
    void aSuccessfulSignInIsAudited() {
        String name = newUser(s, Role.ANALYST);
        HttpResponse<String> r = AdminHttp.anonymous(s).signIn(name, TestServer.PASSWORD);
        assertThat(signedIn(r)).isTrue();
        assertThat(audits(s, name, "LOGIN")).isEqualTo(1);
        assertThat(s.jdbc.queryForObject("SELECT remote_addr FROM audit_log WHERE actor = ? AND action = 'LOGIN'", String.class, name))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrict() {
        HttpResponse<String> r = AdminHttp.anonymous(s).signIn("analyst", TestServer.PASSWORD);
        List<String> cookies = r.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Strict"));
    }

    @Test
    void anAdminFormPostedWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        AdminHttp admin = AdminHttp.signedIn(s, "otheradmin", TestServer.PASSWORD);
        String name = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = admin.post("/admin/users", form("username", name, "role", "ADMIN", "regionLevel", "PROVINCE",
                "dailyCapacity", "0", "password", "a-long-enough-password"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(s.jdbc.queryForObject("SELECT count(*) FROM app_user WHERE username = ?", Integer.class, name)).isZero();

        String victim = newUser(s, Role.ANALYST);
        long id = s.jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, victim);
        assertThat(admin.post("/admin/users/" + id + "/enabled", form("enabled", "false")).statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/users/" + id + "/enabled", form("enabled", "false", "_csrf", "forged")).statusCode())
                .isEqualTo(403);
        assertThat(s.jdbc.queryForObject("SELECT enabled FROM app_user WHERE id = ?", Boolean.class, id)).isTrue();
        assertThat(s.jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE target = ?", Integer.class, victim)).isZero();
    }

    @Test
    void auditorsAndAdminsKeepToTheirOwnPages() {
        AdminHttp auditor = AdminHttp.signedIn(s, "auditor", TestServer.PASSWORD);
        assertThat(auditor.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(auditor.get("/admin/tokens").statusCode()).isEqualTo(403);
        assertThat(auditor.get("/audit").statusCode()).isEqualTo(200);
        AdminHttp admin = AdminHttp.signedIn(s, "otheradmin", TestServer.PASSWORD);
        assertThat(admin.get("/audit").statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);
        AdminHttp manager = AdminHttp.signedIn(s, "manager", TestServer.PASSWORD);
        assertThat(manager.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(manager.get("/audit").statusCode()).isEqualTo(403);
        // not signed in: to the sign-in page
        HttpResponse<String> anonymous = AdminHttp.anonymous(s).get("/admin/users");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        AdminHttp admin = AdminHttp.signedIn(s, "otheradmin", TestServer.PASSWORD);
        AdminHttp auditor = AdminHttp.signedIn(s, "auditor", TestServer.PASSWORD);
        for (HttpResponse<String> r : List.of(admin.get("/admin/users"), admin.get("/admin/tokens"), auditor.get("/audit"),
                AdminHttp.anonymous(s).get("/privacy"))) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                    assertThat(v).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval"));
            assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.body()).doesNotContain("onclick=").doesNotContain("<script>");
        }
    }

    @Test
    void theApiRefusesMissingRevokedAndUnderScopedTokens() throws Exception {
        String body = "{\"subscriber_id\":\"x\",\"contact_time\":\"2026-11-20T10:00:00+08:00\",\"channel\":\"SMS\"}";
        HttpResponse<String> none = AdminHttp.api(s, "POST", "/api/events/contacts", null, body);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(none.body()).get("code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(AdminHttp.api(s, "POST", "/api/events/contacts", "tnr_made-up", body).statusCode()).isEqualTo(401);

        ApiTokens tokens = s.context.getBean(ApiTokens.class);
        String name = "revoked-" + UUID.randomUUID();
        String revoked = tokens.create(name, List.of("contacts:read"), Region.PROVINCE, "test");
        assertThat(AdminHttp.api(s, "GET", "/api/contacts?since=2026-01-01T00:00:00Z", revoked, null).statusCode()).isEqualTo(200);
        tokens.revoke(tokens.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().id());
        assertThat(AdminHttp.api(s, "GET", "/api/contacts?since=2026-01-01T00:00:00Z", revoked, null).statusCode()).isEqualTo(401);

        String reader = AdminHttp.token(s, "reader-" + UUID.randomUUID(), Region.PROVINCE, "contacts:read");
        HttpResponse<String> scope = AdminHttp.api(s, "POST", "/api/events/contacts", reader, body);
        assertThat(scope.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(scope.body()).get("code").asText()).isEqualTo("FORBIDDEN");
        String writer = AdminHttp.token(s, "writer-" + UUID.randomUUID(), Region.PROVINCE, "events:write");
        assertThat(AdminHttp.api(s, "GET", "/api/contacts?since=2026-01-01T00:00:00Z", writer, null).statusCode()).isEqualTo(403);
        // a staff session is no key to the API
        AdminHttp admin = AdminHttp.signedIn(s, "otheradmin", TestServer.PASSWORD);
        assertThat(admin.get("/api/contacts?since=2026-01-01T00:00:00Z").statusCode()).isEqualTo(401);
    }

    @Test
    void eventValidationNamesTheField() throws Exception {
        String writer = AdminHttp.token(s, "val-" + UUID.randomUUID(), Region.PROVINCE, "events:write");
        HttpResponse<String> r = AdminHttp.api(s, "POST", "/api/events/complaints", writer, """
                [{"complaint_id":"C-v1","subscriber_id":"S1","created_at":"2026-11-20T10:00:00+08:00"},
                 {"complaint_id":"C-v2","subscriber_id":"S1","created_at":"yesterday"}]""");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = JSON.readTree(r.body());
        assertThat(e.get("code").asText()).isEqualTo("INVALID_VALUE");
        assertThat(e.get("field").asText()).isEqualTo("created_at");
        assertThat(e.get("index").asInt()).isEqualTo(1);
        assertThat(e.get("message").asText()).contains("yesterday").contains("2026-11-20T09:30:00+08:00");
    }

    @Test
    void anIdempotentReplayWritesOnce() {
        String writer = AdminHttp.token(s, "idem-" + UUID.randomUUID(), new Region(Region.Level.COUNTY, s.county), "events:write");
        // a customer on no list, so the contact written meets no other test
        String subscriber = s.jdbc.queryForObject("SELECT min(c.subscriber_id) FROM customer c WHERE c.county = ? AND NOT EXISTS "
                + "(SELECT 1 FROM four_high f WHERE f.subscriber_id = c.subscriber_id) AND NOT EXISTS "
                + "(SELECT 1 FROM early_warning w WHERE w.subscriber_id = c.subscriber_id)", String.class, s.county);
        String body = "{\"subscriber_id\":\"" + subscriber + "\",\"contact_time\":\"2026-11-20T10:00:00+08:00\",\"channel\":\"APP\","
                + "\"campaign_id\":\"" + UUID.randomUUID() + "\"}";
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            assertThat(AdminHttp.api(s, "POST", "/api/events/contacts", writer, body, "Idempotency-Key", key).statusCode())
                    .isEqualTo(201);
        }
        String campaign = body.substring(body.indexOf("campaign_id") + 14, body.length() - 2);
        assertThat(s.jdbc.queryForObject("SELECT count(*) FROM live_contact WHERE campaign_id = ?", Integer.class, campaign))
                .isEqualTo(1);
    }

    @Test
    void aPortEventForANumberOutsideTheTokensRegionIsNotFound() throws Exception {
        String writer = AdminHttp.token(s, "mnp-" + UUID.randomUUID(), new Region(Region.Level.COUNTY, s.county), "events:write");
        String outside = s.jdbc.queryForObject("SELECT min(msisdn) FROM customer WHERE county = ?", String.class, s.otherCounty);
        String id = "P-" + UUID.randomUUID();
        HttpResponse<String> r = AdminHttp.api(s, "POST", "/api/events/port-events", writer, """
                {"event_id":"%s","msisdn":"%s","event_time":"2026-11-20T10:05:00+08:00","type":"AUTH_CODE"}""".formatted(id, outside));
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode e = JSON.readTree(r.body());
        assertThat(e.get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(e.get("field").asText()).isEqualTo("msisdn");
        assertThat(s.jdbc.queryForObject("SELECT count(*) FROM live_port_event WHERE event_id = ?", Integer.class, id)).isZero();
        // the province sees it
        String province = AdminHttp.token(s, "mnp-all-" + UUID.randomUUID(), Region.PROVINCE, "events:write");
        assertThat(AdminHttp.api(s, "POST", "/api/events/port-events", province, """
                {"event_id":"%s","msisdn":"%s","event_time":"2026-11-20T10:05:00+08:00","type":"AUTH_CODE"}""".formatted(id, outside))
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aCallNoScopeOpensIsRefusedEvenToATokenWithEveryScope() throws Exception {
        String token = s.context.getBean(ApiTokens.class).create("every-scope", ApiTokens.SCOPES, Region.PROVINCE, "test");

        HttpResponse<String> listed = ListsHttp.api(s, token, "GET", "/api/lists/four-high", null, Map.of());
        HttpResponse<String> unlisted = ListsHttp.api(s, token, "DELETE", "/api/customers/" + s.subscriberIn(s.county), null,
                Map.of());
        HttpResponse<String> unknown = ListsHttp.api(s, token, "GET", "/api/subscribers/export", null, Map.of());

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(unlisted.statusCode()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(unknown.body()).at("/code").asText()).isEqualTo("FORBIDDEN");
    }
}
