package io.tenure.generator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Port-outs follow the planted hazard and the portability rules. */
class PortOutTest {
    private static final List<String> MONTHS = List.of("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11");
    private static RulesOracle data;
    private static Map<String, String> portOut;
    private static Map<String, List<String[]>> events;
    private static CsvTable mnp;

    @BeforeAll
    static void load() {
        data = new RulesOracle(Fixtures.standard());
        mnp = Fixtures.standard("mnp_events");
        Map<String, String> bySisdn = new HashMap<>();
        data.subscribers.forEach((sid, r) -> bySisdn.put(data.subs.get(r, "msisdn"), sid));
        portOut = new HashMap<>();
        events = new HashMap<>();
        for (String[] r : mnp.rows) {
            String sid = bySisdn.get(mnp.get(r, "msisdn"));
            assertThat(sid).isNotNull();
            events.computeIfAbsent(sid, k -> new ArrayList<>()).add(r);
            if (mnp.get(r, "type").equals("PORT_OUT")) {
                portOut.put(sid, mnp.get(r, "event_time"));
            }
        }
    }

    @Test
    void aFewPercentPortOutPerQuarter() {
        double perMonth = portOut.size() / (double) data.subscribers.size() / 6.67;
        assertThat(perMonth * 3).isBetween(0.01, 0.05);
    }

    @Test
    void portOutRateRisesWithTheOffNetCallShareOfThePreviousMonth() {
        long[] atRisk = new long[2];
        long[] ported = new long[2];
        for (String sid : data.subscribers.keySet()) {
            Map<String, String[]> u = data.usage.getOrDefault(sid, Map.of());
            for (int k = 0; k + 1 < MONTHS.size(); k++) {
                String[] row = u.get(MONTHS.get(k));
                String next = MONTHS.get(k + 1);
                String out = portOut.get(sid);
                if (row == null || out != null && out.compareTo(next) < 0) {
                    continue;
                }
                long voice = Long.parseLong(data.usageTable.get(row, "voice_min"));
                if (voice == 0) {
                    continue;
                }
                double share = Long.parseLong(data.usageTable.get(row, "offnet_voice_min")) / (double) voice;
                int g = share >= 0.4 ? 1 : share < 0.25 ? 0 : -1;
                if (g < 0) {
                    continue;
                }
                atRisk[g]++;
                if (out != null && out.startsWith(next)) {
                    ported[g]++;
                }
            }
        }
        double low = ported[0] / (double) atRisk[0];
        double high = ported[1] / (double) atRisk[1];
        assertThat(high).isGreaterThan(1.5 * low);
    }

    @Test
    void portedLinesAreCancelledAndBilledNoLongerThanThePortMonth() {
        assertThat(portOut).isNotEmpty();
        portOut.forEach((sid, time) -> {
            assertThat(data.s(sid, "status")).isEqualTo("CANCELLED");
            assertThat(data.bills.getOrDefault(sid, Map.of()).keySet())
                    .allSatisfy(m -> assertThat(m).isLessThanOrEqualTo(time.substring(0, 7)));
            assertThat(data.vas.get(sid)).isNull();
        });
    }

    @Test
    void anAuthorisationCodePrecedesEveryPortOutWhichExecutesOnTheFullHour() {
        int precededByQuery = 0;
        for (Map.Entry<String, String> e : portOut.entrySet()) {
            LocalDateTime port = LocalDateTime.parse(e.getValue());
            assertThat(port.getMinute()).isZero();
            assertThat(port.getSecond()).isZero();
            LocalDateTime auth = null;
            boolean query = false;
            for (String[] r : events.get(e.getKey())) {
                LocalDateTime t = LocalDateTime.parse(mnp.get(r, "event_time"));
                if (mnp.get(r, "type").equals("AUTH_CODE") && t.isBefore(port)) {
                    auth = t;
                }
                if (mnp.get(r, "type").equals("QUERY") && t.isBefore(port.minusHours(12))) {
                    query = true;
                }
            }
            assertThat(auth).as(e.getKey()).isNotNull();
            assertThat(java.time.Duration.between(auth, port).toMinutes()).isBetween(1L, 120L);
            if (query) {
                precededByQuery++;
            }
        }
        assertThat(precededByQuery / (double) portOut.size()).isBetween(0.4, 0.8);
    }

    @Test
    void onlyEligibleNumbersPortOut() {
        portOut.forEach((sid, time) -> {
            assertThat(data.s(sid, "owner_type")).isEqualTo("PERSON");
            assertThat(data.s(sid, "real_name")).isEqualTo("Y");
            String m = data.s(sid, "msisdn");
            assertThat(m).doesNotStartWith("1349").doesNotStartWith("170").doesNotStartWith("171").doesNotStartWith("148");
            String end = data.s(sid, "contract_end_date");
            if (!end.isEmpty()) {
                assertThat(end).isLessThan(time.substring(0, 10));
            }
        });
    }
}
