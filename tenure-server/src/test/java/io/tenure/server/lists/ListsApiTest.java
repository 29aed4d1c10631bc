package io.tenure.server.lists;

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

import static org.assertj.core.api.Assertions.assertThat;

class ListsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<TestServer> servers() {
        return Stream.of(TestServer.h2(), TestServer.postgres());
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aTokenReadsTheFilteredListOfItsRegionMasked(TestServer s) throws Exception {
        String token = token(s, new Region(Region.Level.COUNTY, s.county), "lists:read");
        HttpResponse<String> r = get(s, token, "/api/lists/four-high?tag=HIGH_DATA&size=5&page=2");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(r.body());
        assertThat(page.get("total").asLong()).isEqualTo(s.jdbc.queryForObject(
                "SELECT count(*) FROM four_high WHERE county = ? AND tag = 'HIGH_DATA'", Long.class, s.county));
        assertThat(page.get("asOf").asText()).isEqualTo(TestServer.AS_OF.toString());
        List<String> expected = s.jdbc.queryForList("SELECT subscriber_id FROM four_high WHERE county = ? AND tag = 'HIGH_DATA' "
                + "ORDER BY subscriber_id LIMIT 5 OFFSET 5", String.class, s.county);
        assertThat(page.get("rows").findValuesAsText("subscriberId")).containsExactlyElementsOf(expected);
        for (JsonNode row : page.get("rows")) {
            assertThat(row.get("phone").asText()).matches("\\d{3}\\*{4}\\d{4}");
            assertThat(row.get("county").asText()).isEqualTo(s.county);
        }
        JsonNode outside = JSON.readTree(get(s, token, "/api/lists/four-high?county=" + ListPagesTest.enc(s.otherCounty)).body());
        assertThat(outside.get("total").asLong()).isZero();
        assertThat(outside.get("rows")).isEmpty();
        assertThat(JSON.readTree(get(s, token, "/api/lists/risk?band=HIGH").body()).get("rows")).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("servers")
    void badParametersAnswer400NamingTheField(TestServer s) throws Exception {
        String token = token(s, Region.PROVINCE, "lists:read");
        for (var c : Map.of("/api/lists/four-high?size=501", "size", "/api/lists/four-high?page=0", "page",
                "/api/lists/four-high?tag=LOUD", "tag", "/api/lists/risk?band=EXTREME", "band",
                "/api/lists/four-high?contactAllowed=maybe", "contactAllowed").entrySet()) {
            HttpResponse<String> r = get(s, token, c.getKey());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
            JsonNode error = JSON.readTree(r.body());
            assertThat(error.get("code").asText()).isEqualTo("INVALID_VALUE");
            assertThat(error.get("field").asText()).isEqualTo(c.getValue());
        }
        assertThat(JSON.readTree(get(s, token, "/api/lists/four-high?size=500").body()).get("rows").size())
                .isEqualTo(Math.min(500, s.jdbc.queryForObject("SELECT count(*) FROM four_high", Integer.class)));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aTokenWithoutTheScopeIsRefused(TestServer s) {
        String token = token(s, Region.PROVINCE, "tasks:read");
        assertThat(get(s, token, "/api/lists/four-high").statusCode()).isEqualTo(403);
        assertThat(get(s, "tnr_not-a-token", "/api/lists/risk").statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void theCallsAreDescribedInTheOpenApiDocument(TestServer s) throws Exception {
        HttpResponse<String> r = ListsHttp.anonymous(s).get("/api/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(r.body()).get("paths");
        assertThat(paths.has("/api/lists/four-high")).isTrue();
        assertThat(paths.has("/api/lists/risk")).isTrue();
        assertThat(paths.has("/api/tasks")).isTrue();
        assertThat(paths.get("/api/tasks/{id}/outcome").get("post").get("summary").asText()).contains("outcome");
    }

    private static String token(TestServer s, Region region, String... scopes) {
        return s.context.getBean(ApiTokens.class).create("crm-" + UUID.randomUUID(), List.of(scopes), region, "test");
    }

    private static HttpResponse<String> get(TestServer s, String token, String path) {
        return ListsHttp.api(s, token, "GET", path, null, Map.of());
    }
}
