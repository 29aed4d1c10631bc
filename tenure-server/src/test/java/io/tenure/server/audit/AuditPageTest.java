package io.tenure.server.audit;

import io.tenure.server.ServerSettings;
import io.tenure.server.testing.AdminHttp;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditPageTest {
    private static TestServer s;
    private static AdminHttp auditor;

    @BeforeAll
    static void start() {
        s = TestServer.h2();
        auditor = AdminHttp.signedIn(s, "auditor", TestServer.PASSWORD);
    }

    private static List<Long> ids(String page) {
        Matcher m = Pattern.compile("data-id=\"(\\d+)\"").matcher(page);
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    @Test
    void anAuditorSearchesByActorAndActionNewestFirstAPageAtATime() {
        String actor = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        AuditLog log = s.context.getBean(AuditLog.class);
        int size = s.context.getBean(ServerSettings.class).pageSize();
        for (int i = 0; i < size + 5; i++) {
            log.append(actor, i % 2 == 0 ? AuditLog.Action.EXPORT : AuditLog.Action.REVEAL, "S" + i, "row " + i, "10.0.0." + i);
        }
        String first = auditor.get("/audit?actor=" + actor).body();
        List<Long> page1 = ids(first);
        assertThat(page1).hasSize(size).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(first).contains("row " + (size + 4)).contains("10.0.0." + (size + 4)).contains("id=\"audit-next\"");
        List<Long> page2 = ids(auditor.get("/audit?actor=" + actor + "&page=1").body());
        assertThat(page2).hasSize(5).allSatisfy(id -> assertThat(id).isLessThan(page1.get(page1.size() - 1)));

        String exports = auditor.get("/audit?actor=" + actor + "&action=EXPORT&target=S2").body();
        assertThat(ids(exports)).hasSize(1);
        assertThat(exports).contains("导出").contains("row 2");
        assertThat(ids(auditor.get("/audit?actor=" + actor + "&from=2000-01-01&to=2000-01-02").body())).isEmpty();
        assertThat(ids(auditor.get("/audit?actor=" + actor + "&from=2000-01-01").body())).hasSize(size);
    }

    @Test
    void aMalformedDayIsExplained() {
        assertThat(auditor.get("/audit?from=20-11-2026").body()).contains("id=\"audit-error\"").contains("2026-11-20");
        assertThat(auditor.get("/audit?from=2026-11-21&to=2026-11-20&lang=en").body()).contains("swap the two dates");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theDatabaseRefusesToChangeOrDeleteAuditRows(String database) {
        TestServer server = "h2".equals(database) ? TestServer.h2() : TestServer.postgres();
        String actor = "immutable-" + UUID.randomUUID().toString().substring(0, 8);
        server.context.getBean(AuditLog.class).append(actor, AuditLog.Action.EXPORT, "list", "original", null);
        long id = server.jdbc.queryForObject("SELECT id FROM audit_log WHERE actor = ?", Long.class, actor);
        assertThatThrownBy(() -> server.jdbc.update("UPDATE audit_log SET detail = 'changed' WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> server.jdbc.update("DELETE FROM audit_log WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(server.jdbc.queryForObject("SELECT detail FROM audit_log WHERE id = ?", String.class, id)).isEqualTo("original");
    }
}
