package io.tenure.server.admin;

import io.tenure.server.testing.AdminHttp;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tenure.server.testing.AdminHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

class AdminPagesTest {
    private static final String NEW_PASSWORD = "a-long-enough-password";
    private static TestServer s;
    private static AdminHttp admin;

    @BeforeAll
    static void start() {
        s = TestServer.h2();
        admin = AdminHttp.signedIn(s, "otheradmin", TestServer.PASSWORD);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static HttpResponse<String> createUser(String username, String password, boolean generate) {
        // an analyst of the county: an agent or manager there would join the other tests' teams
        Map<String, String> f = form("username", username, "displayName", "县分析员", "role", "ANALYST", "regionLevel", "COUNTY",
                "regionName", s.county, "dailyCapacity", "30", "password", password);
        if (generate) {
            f.put("generate", "true");
        }
        return admin.submit("/admin/users", "/admin/users", f);
    }

    private static long id(String username) {
        return s.jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
    }

    private static boolean canSignIn(String user, String password) {
        HttpResponse<String> r = AdminHttp.anonymous(s).signIn(user, password);
        return r.statusCode() == 302 && !r.headers().firstValue("Location").orElse("").contains("error");
    }

    private static String shown(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]+)<").matcher(page);
        assertThat(m.find()).as("the page shows " + id).isTrue();
        return m.group(1);
    }

    @Test
    void anAdminCreatesAUserWhoCanThenSignIn() {
        String name = unique("staff");
        HttpResponse<String> r = createUser(name, NEW_PASSWORD, false);
        assertThat(r.statusCode()).isEqualTo(302);
        String page = admin.follow(r).body();
        assertThat(page).contains("已创建用户 " + name).contains("id=\"user-" + name + "\"");
        var row = s.jdbc.queryForMap("SELECT role, region_level, region_name, daily_capacity, display_name FROM app_user "
                + "WHERE username = ?", name);
        assertThat(row).containsEntry("role", "ANALYST").containsEntry("region_level", "COUNTY")
                .containsEntry("region_name", s.county).containsEntry("daily_capacity", 30).containsEntry("display_name", "县分析员");
        assertThat(canSignIn(name, NEW_PASSWORD)).isTrue();
        List<String> details = s.jdbc.queryForList("SELECT detail FROM audit_log WHERE action = 'USER_CHANGE' AND target = ? "
                + "AND actor = 'otheradmin'", String.class, name);
        assertThat(details).hasSize(1);
        assertThat(details.get(0)).contains("ANALYST", s.county).doesNotContain(NEW_PASSWORD);
    }

    @Test
    void aGeneratedPasswordIsShownOnceAndWorks() {
        String name = unique("gen");
        String page = admin.follow(createUser(name, "", true)).body();
        String password = shown(page, "password-value");
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(admin.get("/admin/users").body()).doesNotContain(password).doesNotContain("id=\"password-value\"");
        assertThat(canSignIn(name, password)).isTrue();
        assertThat(s.jdbc.queryForList("SELECT detail FROM audit_log WHERE target = ?", String.class, name))
                .isNotEmpty().allSatisfy(d -> assertThat(d).doesNotContain(password));
    }

    @Test
    void aShortPasswordAnUnknownCountyOrATakenNameIsRefusedWithAMessage() {
        String name = unique("short");
        assertThat(admin.follow(createUser(name, "too-short", false)).body()).contains("密码至少需要 12 个字符");
        assertThat(s.jdbc.queryForObject("SELECT count(*) FROM app_user WHERE username = ?", Integer.class, name)).isZero();

        HttpResponse<String> r = admin.submit("/admin/users", "/admin/users", form("username", name, "role", "MANAGER",
                "regionLevel", "COUNTY", "regionName", "不存在县", "dailyCapacity", "0", "password", NEW_PASSWORD));
        assertThat(admin.follow(r).body()).contains("不存在县").contains("已发布数据中没有");
        assertThat(s.jdbc.queryForObject("SELECT count(*) FROM app_user WHERE username = ?", Integer.class, name)).isZero();

        assertThat(admin.follow(createUser("agent", NEW_PASSWORD, false)).body()).contains("用户“agent”已存在");
        assertThat(canSignIn("agent", TestServer.PASSWORD)).isTrue();
    }

    @Test
    void anAdminCannotDisableThemself() {
        long me = id("otheradmin");
        HttpResponse<String> r = admin.submit("/admin/users", "/admin/users/" + me + "/enabled", form("enabled", "false"));
        assertThat(admin.follow(r).body()).contains("不能停用自己的账号");
        assertThat(s.jdbc.queryForObject("SELECT enabled FROM app_user WHERE id = ?", Boolean.class, me)).isTrue();
    }

    @Test
    void aDisabledUserCannotSignInUntilEnabledAgain() {
        String name = unique("off");
        createUser(name, NEW_PASSWORD, false);
        admin.submit("/admin/users", "/admin/users/" + id(name) + "/enabled", form("enabled", "false"));
        assertThat(canSignIn(name, NEW_PASSWORD)).isFalse();
        admin.submit("/admin/users", "/admin/users/" + id(name) + "/enabled", form("enabled", "true"));
        assertThat(canSignIn(name, NEW_PASSWORD)).isTrue();
        assertThat(s.jdbc.queryForList("SELECT detail FROM audit_log WHERE action = 'USER_CHANGE' AND target = ? ORDER BY id",
                String.class, name)).containsSubsequence("disabled", "enabled");
    }

    @Test
    void aLockedUserIsUnlockedAndAResetPasswordReplacesTheOld() {
        String name = unique("lock");
        createUser(name, NEW_PASSWORD, false);
        for (int i = 0; i < 5; i++) {
            assertThat(canSignIn(name, "wrong-password-" + i)).isFalse();
        }
        assertThat(canSignIn(name, NEW_PASSWORD)).isFalse();
        assertThat(admin.get("/admin/users").body()).contains("已锁定至");
        admin.submit("/admin/users", "/admin/users/" + id(name) + "/unlock", Map.of());
        assertThat(canSignIn(name, NEW_PASSWORD)).isTrue();

        String page = admin.follow(admin.submit("/admin/users", "/admin/users/" + id(name) + "/password", Map.of())).body();
        String reset = shown(page, "password-value");
        assertThat(canSignIn(name, NEW_PASSWORD)).isFalse();
        assertThat(canSignIn(name, reset)).isTrue();
        assertThat(s.jdbc.queryForList("SELECT detail FROM audit_log WHERE action = 'USER_CHANGE' AND target = ?", String.class, name))
                .contains("unlocked").anySatisfy(d -> assertThat(d).startsWith("password reset"))
                .allSatisfy(d -> assertThat(d).doesNotContain(reset));
    }

    @Test
    void aTokenIsCreatedWithItsScopesShownOnceAndRevoked() {
        String name = unique("crm");
        HttpResponse<String> r = admin.submit("/admin/tokens", "/admin/tokens", List.of(Map.entry("name", name),
                Map.entry("scopes", "contacts:read"), Map.entry("scopes", "events:write"),
                Map.entry("regionLevel", "COUNTY"), Map.entry("regionName", s.county)));
        assertThat(r.statusCode()).isEqualTo(302);
        String page = admin.follow(r).body();
        String secret = shown(page, "secret-value");
        assertThat(secret).startsWith("tnr_");
        assertThat(admin.get("/admin/tokens").body()).doesNotContain(secret).contains(name);
        var row = s.jdbc.queryForMap("SELECT id, scopes, region_level, region_name, created_by FROM api_token WHERE name = ?", name);
        assertThat(row).containsEntry("scopes", "contacts:read events:write").containsEntry("region_name", s.county)
                .containsEntry("created_by", "otheradmin");
        assertThat(AdminHttp.api(s, "GET", "/api/contacts?since=2026-01-01T00:00:00Z", secret, null).statusCode()).isEqualTo(200);

        admin.submit("/admin/tokens", "/admin/tokens/" + row.get("id") + "/revoke", Map.of());
        assertThat(AdminHttp.api(s, "GET", "/api/contacts?since=2026-01-01T00:00:00Z", secret, null).statusCode()).isEqualTo(401);
        List<String> details = s.jdbc.queryForList("SELECT detail FROM audit_log WHERE action = 'TOKEN_CHANGE' AND target = ? "
                + "ORDER BY id", String.class, name);
        assertThat(details).hasSize(2);
        assertThat(details.get(0)).contains("contacts:read events:write");
        assertThat(details.get(1)).startsWith("revoked");
        assertThat(details).allSatisfy(d -> assertThat(d).doesNotContain(secret));
    }

    @Test
    void aTokenWithoutScopesIsRefused() {
        String name = unique("none");
        HttpResponse<String> r = admin.submit("/admin/tokens", "/admin/tokens", form("name", name, "regionLevel", "PROVINCE"));
        assertThat(admin.follow(r).body()).contains("请至少选择一个权限范围");
        assertThat(s.jdbc.queryForObject("SELECT count(*) FROM api_token WHERE name = ?", Integer.class, name)).isZero();
    }

    @Test
    void thePagesSpeakEnglishOnRequest() {
        AdminHttp en = AdminHttp.signedIn(s, "otheradmin", TestServer.PASSWORD);
        assertThat(en.get("/admin/users?lang=en").body()).contains("New user", "Tasks per day").doesNotContain("新建用户");
        assertThat(en.get("/admin/tokens").body()).contains("New token", "Scopes");
        assertThat(admin.get("/admin/tokens").body()).contains("新建令牌");
    }
}
