package io.tenure.server.lists;

import io.tenure.server.testing.ListsData;
import io.tenure.server.testing.ListsHttp;
import io.tenure.server.testing.TestServer;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ListExportTest {
    static Stream<TestServer> servers() {
        return Stream.of(TestServer.h2(), TestServer.postgres());
    }

    @ParameterizedTest
    @MethodSource("servers")
    void theExportOpensWithTheFilteredRowsMaskedAndIsAudited(TestServer s) throws Exception {
        ListsHttp manager = ListsHttp.signIn(s, "manager");
        long listed = ListPagesTest.total(manager.get("/lists/four-high?tag=HIGH_SILENCE"));
        long auditsBefore = exports(s, "manager", "four-high");
        HttpResponse<byte[]> r = manager.getBytes("/lists/four-high.xlsx?tag=HIGH_SILENCE");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v ->
                assertThat(v).contains("attachment").contains("four-high-" + TestServer.AS_OF + ".xlsx"));
        List<List<String>> rows = read(r.body());
        assertThat(rows.get(0)).contains("用户编号", "号码", "标签");
        List<List<String>> data = rows.subList(1, rows.size());
        assertThat(listed).isPositive();
        assertThat((long) data.size()).isEqualTo(listed);
        for (List<String> row : data) {
            String msisdn = s.jdbc.queryForObject("SELECT msisdn FROM customer WHERE subscriber_id = ?", String.class, row.get(0));
            assertThat(row.get(1)).isEqualTo(msisdn.substring(0, 3) + "****" + msisdn.substring(7));
            assertThat(row.get(2)).matches("\\S\\*+");
            assertThat(row.get(4)).isEqualTo(s.county);
            assertThat(row.get(5)).isEqualTo("高沉默");
        }
        assertThat(exports(s, "manager", "four-high")).isEqualTo(auditsBefore + 1);
        String detail = s.jdbc.queryForObject("SELECT detail FROM audit_log WHERE actor = 'manager' AND action = 'EXPORT' "
                + "AND target = 'four-high' ORDER BY id DESC LIMIT 1", String.class);
        assertThat(detail).contains("tag=HIGH_SILENCE").contains("rows " + listed);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void theRiskExportHasTheRegionsRowsByProbability(TestServer s) throws Exception {
        List<String> mine = ListsData.subscribers(s, s.county, 2);
        List<String> other = ListsData.subscribers(s, s.otherCounty, 1);
        try {
            ListsData.risk(s, mine.get(0), 0.12, "MEDIUM", "合约到期");
            ListsData.risk(s, mine.get(1), 0.45, "HIGH", "近期查询携转资格");
            ListsData.risk(s, other.get(0), 0.5, "HIGH", "异网通话多");
            HttpResponse<byte[]> r = ListsHttp.signIn(s, "manager").getBytes("/lists/risk.xlsx?lang=en");
            assertThat(r.statusCode()).isEqualTo(200);
            List<List<String>> rows = read(r.body());
            assertThat(rows.get(0)).contains("Subscriber", "Port-out probability");
            assertThat(rows.subList(1, rows.size()).stream().map(x -> x.get(0)).toList()).containsExactly(mine.get(1), mine.get(0));
            assertThat(rows.get(1).get(1)).contains("****");
            assertThat(exports(s, "manager", "risk")).isPositive();
        } finally {
            ListsData.removeRisk(s, List.of(mine.get(0), mine.get(1), other.get(0)));
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void anAgentCannotExport(TestServer s) {
        long before = exports(s, "agent", "four-high");
        ListsHttp agent = ListsHttp.signIn(s, "agent");
        assertThat(agent.getBytes("/lists/four-high.xlsx").statusCode()).isEqualTo(403);
        assertThat(agent.getBytes("/lists/risk.xlsx").statusCode()).isEqualTo(403);
        assertThat(exports(s, "agent", "four-high")).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void anAnalystExportsTheWholeProvince(TestServer s) throws Exception {
        HttpResponse<byte[]> r = ListsHttp.signIn(s, "analyst").getBytes("/lists/four-high.xlsx");
        assertThat(r.statusCode()).isEqualTo(200);
        long all = s.jdbc.queryForObject("SELECT count(*) FROM four_high", Long.class);
        assertThat((long) read(r.body()).size() - 1).isEqualTo(all);
    }

    private static long exports(TestServer s, String actor, String target) {
        return s.jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE actor = ? AND action = 'EXPORT' AND target = ?",
                Long.class, actor, target);
    }

    private static List<List<String>> read(byte[] xlsx) throws Exception {
        List<List<String>> out = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(row.getCell(i) == null ? "" : f.formatCellValue(row.getCell(i)));
                }
                out.add(cells);
            }
        }
        return out;
    }
}
