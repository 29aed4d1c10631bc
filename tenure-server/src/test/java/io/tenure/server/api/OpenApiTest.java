package io.tenure.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.server.testing.AdminHttp;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTest {
    @Test
    void theDescriptionListsTheEventAndContactCallsAndTheBearerScheme() throws Exception {
        TestServer s = TestServer.h2();
        HttpResponse<String> r = AdminHttp.api(s, "GET", "/api/openapi.json", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = new ObjectMapper().readTree(r.body());
        assertThat(doc.at("/info/title").asText()).isEqualTo("Tenure API");
        assertThat(doc.get("paths").has("/api/events/complaints")).isTrue();
        assertThat(doc.get("paths").has("/api/events/port-events")).isTrue();
        assertThat(doc.get("paths").has("/api/events/contacts")).isTrue();
        assertThat(doc.get("paths").has("/api/contacts")).isTrue();
        assertThat(doc.at("/components/securitySchemes/bearer/type").asText()).isEqualTo("http");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/security/0").has("bearer")).isTrue();
    }
}
