package io.tenure.server.customer;

import io.tenure.server.privacy.Masking;
import io.tenure.server.testing.CustomerHttp;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer lookup and 360 page, signed in, on both databases. */
class CustomerPagesTest {
    static Stream<Named<Supplier<TestServer>>> servers() {
        return Stream.of(Named.of("h2", TestServer::h2), Named.of("postgres", TestServer::postgres));
    }

    /** A subscriber of the county with a named owner and a four-high row carrying a recommended offer. */
    static Map<String, Object> subscriberWithOffer(TestServer s, String county) {
        return s.jdbc.queryForMap("SELECT c.subscriber_id, c.msisdn, c.customer_name, f.tag, f.offer FROM four_high f "
                + "JOIN customer c ON c.subscriber_id = f.subscriber_id WHERE f.county = ? AND f.offer IS NOT NULL "
                + "AND c.customer_name IS NOT NULL ORDER BY f.subscriber_id DESC, f.tag LIMIT 1", county);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void managerSeesTheMaskedProfileTagsAndOfferOfACustomerInTheCounty(Supplier<TestServer> db) {
        TestServer s = db.get();
        Map<String, Object> sub = subscriberWithOffer(s, s.county);
        String id = (String) sub.get("subscriber_id");
        String msisdn = (String) sub.get("msisdn");
        String name = (String) sub.get("customer_name");

        HttpResponse<String> r = CustomerHttp.as(s, "manager").get("/customers/" + id);

        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        assertThat(html).contains("<dd id=\"phone\">" + Masking.phone(msisdn) + "</dd>")
                .contains("<dd id=\"name\">" + Masking.name(name) + "</dd>")
                .doesNotContain(msisdn).doesNotContain(name);
        assertThat(html).contains("id=\"fourhigh\"").contains("data-tag=\"" + sub.get("tag") + "\"");
        assertThat(html).contains("id=\"offers\"").contains(escaped((String) sub.get("offer")));
        assertThat(html).contains("id=\"risk\"").contains("本期没有该客户的携转风险评分");
        assertThat(html).contains("id=\"bills-data\"").contains("/js/customer.js").contains("/webjars/echarts/5.3.1/dist/echarts.min.js");
        s.context.getBean(io.tenure.server.audit.AuditLog.class).flush(); // views are written in batches
        Integer audited = s.jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE actor = 'manager' AND action = 'VIEW_360' "
                + "AND target = ?", Integer.class, id);
        assertThat(audited).isPositive();
    }

    @ParameterizedTest
    @MethodSource("servers")
    void managerCannotOpenAnotherCountysCustomer(Supplier<TestServer> db) {
        TestServer s = db.get();
        String other = s.subscriberIn(s.otherCounty);
        String otherPhone = s.jdbc.queryForObject("SELECT msisdn FROM customer WHERE subscriber_id = ?", String.class, other);
        CustomerHttp manager = CustomerHttp.as(s, "manager");

        HttpResponse<String> outside = manager.get("/customers/" + other);
        HttpResponse<String> missing = manager.get("/customers/NO-SUCH-SUBSCRIBER");

        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(outside.body()).doesNotContain(Masking.phone(otherPhone)).contains("id=\"error-message\"");
        assertThat(missing.statusCode()).isEqualTo(404);
        // the same answer for both, so a region cannot be probed (but for the sign-out form's one-time CSRF token)
        String csrf = "name=\"_csrf\" value=\"[^\"]*\"";
        assertThat(outside.body().replace(other, "X").replaceAll(csrf, ""))
                .isEqualTo(missing.body().replace("NO-SUCH-SUBSCRIBER", "X").replaceAll(csrf, ""));
        assertThat(CustomerHttp.as(s, "othermanager").get("/customers/" + other).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void lookupByIdOrPhoneRedirectsToThe360InsideTheRegionOnly(Supplier<TestServer> db) {
        TestServer s = db.get();
        Map<String, Object> mine = subscriberWithOffer(s, s.county);
        String other = s.subscriberIn(s.otherCounty);
        String otherPhone = s.jdbc.queryForObject("SELECT msisdn FROM customer WHERE subscriber_id = ?", String.class, other);
        CustomerHttp manager = CustomerHttp.as(s, "manager");

        HttpResponse<String> byPhone = manager.get("/customers?q=" + mine.get("msisdn"));
        HttpResponse<String> byId = manager.get("/customers?q=" + ((String) mine.get("subscriber_id")).toLowerCase());
        HttpResponse<String> withPrefix = manager.get("/customers?q=" + CustomerHttp.enc("+86 " + mine.get("msisdn")));
        HttpResponse<String> outside = manager.get("/customers?q=" + otherPhone);
        HttpResponse<String> form = manager.get("/customers");

        assertThat(byPhone.statusCode()).isEqualTo(302);
        assertThat(byPhone.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/customers/" + mine.get("subscriber_id")));
        assertThat(byId.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/customers/" + mine.get("subscriber_id")));
        assertThat(withPrefix.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/customers/" + mine.get("subscriber_id")));
        assertThat(outside.statusCode()).isEqualTo(404);
        String answer = outside.body().substring(outside.body().indexOf("id=\"lookup-not-found\""));
        assertThat(answer.substring(0, answer.indexOf("</p>"))).contains(Masking.phone(otherPhone)).doesNotContain(otherPhone);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"q\"").doesNotContain("lookup-not-found");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void agentOpensTheCustomerButNotTheDashboard(Supplier<TestServer> db) {
        TestServer s = db.get();
        CustomerHttp agent = CustomerHttp.as(s, "agent");
        assertThat(agent.get("/customers/" + s.subscriberIn(s.county)).statusCode()).isEqualTo(200);
        assertThat(agent.get("/customers/" + s.subscriberIn(s.otherCounty)).statusCode()).isEqualTo(404);
        assertThat(CustomerHttp.as(s, "auditor").get("/customers/" + s.subscriberIn(s.county)).statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void pageSpeaksEnglishWhenAsked(Supplier<TestServer> db) {
        TestServer s = db.get();
        CustomerHttp manager = CustomerHttp.as(s, "manager");
        try {
            HttpResponse<String> r = manager.get("/customers/" + s.subscriberIn(s.county) + "?lang=en");
            assertThat(r.body()).contains("Four-high tags").contains("Phone number").doesNotContain("??");
        } finally {
            manager.get("/customers?lang=zh");
        }
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
