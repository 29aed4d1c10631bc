package io.tenure.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.server.TenureServer;
import io.tenure.server.security.Region;
import io.tenure.server.security.Role;
import io.tenure.server.security.Users;
import io.tenure.server.testing.CustomerHttp;
import io.tenure.store.testing.Databases;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's figures against the published counts, per region, on both databases. */
class DashboardPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Named<Supplier<TestServer>>> servers() {
        return Stream.of(Named.of("h2", TestServer::h2), Named.of("postgres", TestServer::postgres));
    }

    /** The sum of daily_count on the latest day for a kind (and item), in one county or (null) the province. */
    private static long sum(TestServer s, String county, String kind, String item) {
        List<Object> args = new ArrayList<>(List.of(kind));
        String sql = "SELECT coalesce(sum(n), 0) FROM daily_count WHERE as_of = (SELECT max(as_of) FROM published_run) AND kind = ?";
        if (item != null) {
            sql += " AND item = ?";
            args.add(item);
        }
        if (county != null) {
            sql += " AND county = ?";
            args.add(county);
        }
        return s.jdbc.queryForObject(sql, Long.class, args.toArray());
    }

    private static void assertCountyFigures(TestServer s, JsonNode d, String county) {
        JsonNode h = d.at("/headline");
        assertThat(h.at("/active").asLong()).isEqualTo(sum(s, county, "ACTIVE", null));
        assertThat(h.at("/held").asLong()).isEqualTo(sum(s, county, "HELD", null));
        assertThat(h.at("/entered").asLong()).isEqualTo(sum(s, county, "ENTERED", null));
        assertThat(h.at("/returned").asLong()).isEqualTo(sum(s, county, "EXITED", null));
        assertThat(h.at("/highRisk").asLong()).isEqualTo(sum(s, county, "RISK", "HIGH"));
        assertThat(h.at("/warnings").asLong()).isEqualTo(sum(s, county, "WARNING", null));
        long stayed = sum(s, county, "STAYED", null);
        long exited = sum(s, county, "EXITED", null);
        if (stayed + exited > 0) {
            assertThat(h.at("/returnRate").asDouble()).isCloseTo((double) exited / (stayed + exited), org.assertj.core.data.Offset.offset(1e-9));
        }
        for (int i = 0; i < d.at("/tags").size(); i++) {
            String tag = d.at("/tags/" + i).asText();
            assertThat(d.at("/held/" + i).asLong()).as(tag).isEqualTo(sum(s, county, "HELD", tag));
            assertThat(d.at("/movements/EXITED/" + i).asLong()).as(tag).isEqualTo(sum(s, county, "EXITED", tag));
        }
        assertThat(d.at("/byArea/names").size()).isEqualTo(1);
        assertThat(d.at("/byArea/names/0").asText()).isEqualTo(county);
        JsonNode days = d.at("/trend/days");
        assertThat(days.get(days.size() - 1).asText()).isEqualTo(d.at("/asOf").asText());
        long lastHeld = 0;
        for (JsonNode series : d.at("/trend/held")) {
            lastHeld += series.get(series.size() - 1).asLong();
        }
        assertThat(lastHeld).isEqualTo(sum(s, county, "HELD", null));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void managersNumbersAreTheSumsOfTheirCountysDailyCounts(Supplier<TestServer> db) throws Exception {
        TestServer s = db.get();
        CustomerHttp manager = CustomerHttp.as(s, "manager");

        HttpResponse<String> data = manager.get("/dashboard/data.json");
        HttpResponse<String> page = manager.get("/dashboard");

        assertThat(data.statusCode()).isEqualTo(200);
        JsonNode d = JSON.readTree(data.body());
        assertThat(d.at("/asOf").asText()).isEqualTo(TestServer.AS_OF.toString());
        assertCountyFigures(s, d, s.county);
        // the county's, not the province's
        assertThat(d.at("/headline/active").asLong()).isLessThan(sum(s, null, "ACTIVE", null));
        assertThat(d.at("/headline/held").asLong()).isLessThan(sum(s, null, "HELD", null));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"kpi-active\">" + String.format("%,d", sum(s, s.county, "ACTIVE", null)) + "<")
                .contains("id=\"kpi-held\">" + String.format("%,d", sum(s, s.county, "HELD", null)) + "<")
                .contains("/js/dashboard.js").contains("/webjars/echarts/5.3.1/dist/echarts.min.js")
                .doesNotContain("id=\"area-filter\"") // a county manager has nothing to narrow to
                .doesNotContain("??");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void analystNarrowsToACountyAndAManagerCannotLeaveTheirs(Supplier<TestServer> db) throws Exception {
        TestServer s = db.get();
        CustomerHttp analyst = CustomerHttp.as(s, "analyst");

        JsonNode province = JSON.readTree(analyst.get("/dashboard/data.json").body());
        JsonNode county = JSON.readTree(analyst.get("/dashboard/data.json?area=" + CustomerHttp.enc("COUNTY:" + s.county)).body());
        HttpResponse<String> page = analyst.get("/dashboard?area=" + CustomerHttp.enc("CITY:" + s.city));
        HttpResponse<String> escape = CustomerHttp.as(s, "manager").get("/dashboard?area=" + CustomerHttp.enc("COUNTY:" + s.otherCounty));

        assertThat(province.at("/headline/active").asLong()).isEqualTo(sum(s, null, "ACTIVE", null));
        assertThat(province.at("/byArea/level").asText()).isEqualTo("CITY");
        assertCountyFigures(s, county, s.county);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"area-filter\"").contains("各区县四高标签户数");
        assertThat(escape.statusCode()).isEqualTo(404);
    }

    @Test
    void beforeTheFirstPublishTheDashboardSaysNothingIsPublished() throws Exception {
        Path dir = Files.createTempDirectory("tenure-dashboard-empty");
        try (ConfigurableApplicationContext empty = TenureServer.start(Databases.h2(dir),
                Map.of("server.port", 0, "server.address", "127.0.0.1"))) {
            empty.getBean(Users.class).create("analyst", "分析员", TestServer.PASSWORD, Role.ANALYST, Region.PROVINCE, 0);
            String base = "http://127.0.0.1:" + ((ServletWebServerApplicationContext) empty).getWebServer().getPort();
            CustomerHttp analyst = CustomerHttp.signIn(base, "analyst", TestServer.PASSWORD);

            HttpResponse<String> page = analyst.get("/dashboard");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"no-data\"").contains("尚未发布数据").doesNotContain("dashboard.js");
            assertThat(analyst.get("/dashboard/data.json").statusCode()).isEqualTo(404);
            assertThat(analyst.get("/customers/S000000001").statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void agentsAndAuditorsHaveNoDashboardAndTheChartLibraryIsServed(Supplier<TestServer> db) {
        TestServer s = db.get();
        assertThat(CustomerHttp.as(s, "agent").get("/dashboard").statusCode()).isEqualTo(403);
        assertThat(CustomerHttp.as(s, "agent").get("/dashboard/data.json").statusCode()).isEqualTo(403);
        assertThat(CustomerHttp.as(s, "auditor").get("/dashboard").statusCode()).isEqualTo(403);
        CustomerHttp manager = CustomerHttp.as(s, "manager");
        assertThat(manager.get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode()).isEqualTo(200);
        assertThat(manager.get("/js/dashboard.js").statusCode()).isEqualTo(200);
        assertThat(manager.get("/js/customer.js").statusCode()).isEqualTo(200);
    }
}
