package io.tenure.server.lists;

import io.tenure.server.testing.ListsData;
import io.tenure.server.testing.ListsHttp;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import static io.tenure.server.testing.ListsHttp.all;
import static org.assertj.core.api.Assertions.assertThat;

class ListPagesTest {
    static Stream<TestServer> servers() {
        return Stream.of(TestServer.h2(), TestServer.postgres());
    }

    @ParameterizedTest
    @MethodSource("servers")
    void managerSeesOnlyTheRowsOfTheirCounty(TestServer s) {
        HttpResponse<String> r = ListsHttp.signIn(s, "manager").get("/lists/four-high");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(all(r.body(), "data-county=\"([^\"]+)\"")).isNotEmpty().containsOnly(s.county);
        assertThat(total(r)).isEqualTo(count(s, "SELECT count(*) FROM four_high WHERE county = ?", s.county));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aCountyFilterOutsideTheRegionGivesNoRows(TestServer s) {
        HttpResponse<String> r = ListsHttp.signIn(s, "manager").get("/lists/four-high?county=" + enc(s.otherCounty));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(total(r)).isZero();
        assertThat(r.body()).doesNotContain("data-county=\"" + s.otherCounty + "\"").contains("id=\"list-empty\"");
        assertThat(total(ListsHttp.signIn(s, "manager").get("/lists/risk?county=" + enc(s.otherCounty)))).isZero();
    }

    @ParameterizedTest
    @MethodSource("servers")
    void filtersReturnOnlyMatchingRows(TestServer s) {
        HttpResponse<String> r = ListsHttp.signIn(s, "analyst").get("/lists/four-high?tag=HIGH_DATA&movement=STAYED&county="
                + enc(s.county));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(all(r.body(), "data-tag=\"([^\"]+)\"")).isNotEmpty().containsOnly("HIGH_DATA");
        assertThat(all(r.body(), "data-county=\"([^\"]+)\"")).containsOnly(s.county);
        assertThat(total(r)).isEqualTo(count(s, "SELECT count(*) FROM four_high WHERE county = ? AND tag = 'HIGH_DATA' "
                + "AND movement = 'STAYED'", s.county));
        long allowed = total(ListsHttp.signIn(s, "analyst").get("/lists/four-high?contactAllowed=N&vip=NONE"));
        assertThat(allowed).isEqualTo(count(s, "SELECT count(*) FROM four_high WHERE contact_allowed = 'N' AND vip_level = 'NONE'"));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void pagesWalkTheWholeListInOrderWithoutRepeats(TestServer s) {
        ListsHttp analyst = ListsHttp.signIn(s, "analyst");
        long total = count(s, "SELECT count(*) FROM four_high");
        List<String> seen = new ArrayList<>();
        int pages = (int) ((total + 49) / 50);
        for (int p = 1; p <= pages; p++) {
            HttpResponse<String> r = analyst.get("/lists/four-high?page=" + p);
            assertThat(total(r)).isEqualTo(total);
            List<String> rows = all(r.body(), "class=\"list-row\" data-subscriber=\"([^\"]+)\" data-county=\"[^\"]+\" data-tag=\"([^\"]+)\"");
            List<String> keys = all(r.body(), "class=\"list-row\" (data-subscriber=\"[^\"]+\" data-county=\"[^\"]+\" data-tag=\"[^\"]+\")");
            assertThat(rows).hasSize(p < pages ? 50 : (int) (total - 50L * (pages - 1)));
            seen.addAll(keys);
        }
        assertThat(new HashSet<>(seen)).hasSize((int) total);
        List<String> expected = s.jdbc.queryForList("SELECT 'data-subscriber=\"' || subscriber_id || '\" data-county=\"' || county "
                + "|| '\" data-tag=\"' || tag || '\"' FROM four_high ORDER BY county, tag, subscriber_id", String.class);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(analyst.get("/lists/four-high?page=" + (pages + 1)).body()).contains("id=\"list-empty\"");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void phonesAndNamesAreMaskedAndRowsLinkToTheCustomer(TestServer s) {
        HttpResponse<String> r = ListsHttp.signIn(s, "manager").get("/lists/four-high?tag=HIGH_ARPU");
        List<String> ids = all(r.body(), "data-subscriber=\"([^\"]+)\"");
        assertThat(ids).isNotEmpty();
        for (String id : ids) {
            String msisdn = s.jdbc.queryForObject("SELECT msisdn FROM customer WHERE subscriber_id = ?", String.class, id);
            assertThat(r.body()).doesNotContain(msisdn).contains(msisdn.substring(0, 3) + "****" + msisdn.substring(7))
                    .contains("href=\"/customers/" + id + "\"");
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void riskListIsTheRegionsSortedByProbability(TestServer s) {
        List<String> mine = ListsData.subscribers(s, s.county, 3);
        List<String> other = ListsData.subscribers(s, s.otherCounty, 1);
        try {
            ListsData.risk(s, mine.get(0), 0.31, "HIGH", "近期查询携转资格");
            ListsData.risk(s, mine.get(1), 0.77, "HIGH", "投诉未解决");
            ListsData.risk(s, mine.get(2), 0.06, "MEDIUM", "合约到期");
            ListsData.risk(s, other.get(0), 0.99, "HIGH", "异网通话多");
            HttpResponse<String> r = ListsHttp.signIn(s, "manager").get("/lists/risk");
            assertThat(r.statusCode()).isEqualTo(200);
            List<String> ids = all(r.body(), "data-subscriber=\"([^\"]+)\"");
            assertThat(ids).containsExactly(mine.get(1), mine.get(0), mine.get(2)).doesNotContain(other.get(0));
            assertThat(r.body()).contains("投诉未解决");
            HttpResponse<String> high = ListsHttp.signIn(s, "manager").get("/lists/risk?band=HIGH");
            assertThat(all(high.body(), "data-subscriber=\"([^\"]+)\"")).containsExactly(mine.get(1), mine.get(0));
            assertThat(total(ListsHttp.signIn(s, "analyst").get("/lists/risk?band=HIGH"))).isEqualTo(3);
        } finally {
            ListsData.removeRisk(s, List.of(mine.get(0), mine.get(1), mine.get(2), other.get(0)));
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void anUnknownFilterValueIsABadRequestNamingIt(TestServer s) {
        HttpResponse<String> r = ListsHttp.signIn(s, "analyst").get("/lists/four-high?tag=HIGH_NOISE");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("tag: &#39;HIGH_NOISE&#39; is not one of");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void onlyManagersGetTheAssignCheckboxesAndOnlyAgentsLackTheExportLink(TestServer s) {
        String manager = ListsHttp.signIn(s, "manager").get("/lists/four-high").body();
        assertThat(manager).contains("id=\"assign-form\"").contains("name=\"entry\"").contains("id=\"export\"");
        assertThat(all(manager, "(name=\"agentId\")")).hasSize(1);
        assertThat(all(manager, "<select name=\"(\\w+)\"")).containsExactly("tag", "level", "movement", "county", "band", "vip",
                "careAction", "channel", "contactAllowed", "agentId");
        String agent = ListsHttp.signIn(s, "agent").get("/lists/four-high").body();
        assertThat(agent).doesNotContain("id=\"assign-form\"").doesNotContain("name=\"entry\"").doesNotContain("id=\"export\"");
        String analyst = ListsHttp.signIn(s, "analyst").get("/lists/four-high").body();
        assertThat(analyst).doesNotContain("id=\"assign-form\"").contains("id=\"export\"");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void labelsComeFromTheMessagesInEitherLanguage(TestServer s) {
        ListsHttp analyst = ListsHttp.signIn(s, "analyst");
        assertThat(analyst.get("/lists/four-high?tag=HIGH_DATA").body()).contains("四高清单").contains("高流量");
        assertThat(analyst.get("/lists/four-high?tag=HIGH_DATA&lang=en").body()).contains("Four-high list").contains("High data")
                .doesNotContain("高流量");
    }

    static long total(HttpResponse<String> r) {
        return Long.parseLong(all(r.body(), "data-total=\"(\\d+)\"").get(0));
    }

    static long count(TestServer s, String sql, Object... args) {
        return s.jdbc.queryForObject(sql, Long.class, args);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
