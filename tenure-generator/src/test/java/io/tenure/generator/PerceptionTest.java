package io.tenure.generator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Four-high customers feel it: lower survey scores and more complaints. */
class PerceptionTest {
    private static RulesOracle data;

    @BeforeAll
    static void load() {
        data = new RulesOracle(Fixtures.standard());
    }

    @Test
    void fourHighLinesScoreAboutOneAndAHalfPointsLowerInSurveys() {
        CsvTable s = Fixtures.standard("surveys");
        double[] sum = new double[2];
        int[] n = new int[2];
        for (String[] r : s.rows) {
            String sid = s.get(r, "subscriber_id");
            String month = s.get(r, "survey_date").substring(0, 7);
            if (!data.evaluated(sid, month)) {
                continue;
            }
            int g = data.tags(sid, month).isEmpty() ? 0 : 1;
            sum[g] += Integer.parseInt(s.get(r, "overall"));
            n[g]++;
        }
        assertThat(n[1]).isGreaterThan(100);
        double gap = sum[0] / n[0] - sum[1] / n[1];
        assertThat(gap).isBetween(1.0, 2.0);
    }

    @Test
    void fourHighLinesComplainTwoToThreeTimesAsOften() {
        CsvTable c = Fixtures.standard("complaints");
        Map<String, Integer> perLineMonth = new HashMap<>();
        for (String[] r : c.rows) {
            perLineMonth.merge(c.get(r, "subscriber_id") + c.get(r, "created_at").substring(0, 7), 1, Integer::sum);
        }
        long[] months = new long[2];
        long[] complaints = new long[2];
        for (String sid : data.subscribers.keySet()) {
            for (String month : data.bills.getOrDefault(sid, Map.of()).keySet()) {
                if (!data.evaluated(sid, month)) {
                    continue;
                }
                int g = data.tags(sid, month).isEmpty() ? 0 : 1;
                months[g]++;
                complaints[g] += perLineMonth.getOrDefault(sid + month, 0);
            }
        }
        double ratio = (complaints[1] / (double) months[1]) / (complaints[0] / (double) months[0]);
        assertThat(ratio).isBetween(1.8, 3.5);
    }

    @Test
    void complaintsAreChineseTextsThroughTheContractChannelsAndSomeStayUnresolved() {
        CsvTable c = Fixtures.standard("complaints");
        assertThat(c.rows).allSatisfy(r -> assertThat(c.get(r, "text")).containsPattern("\\p{IsHan}"));
        long unresolved = c.rows.stream().filter(r -> c.get(r, "resolved").equals("N")).count();
        assertThat(unresolved / (double) c.rows.size()).isBetween(0.1, 0.4);
        assertThat(c.rows.stream().map(r -> c.get(r, "text"))).contains("流量超出太多，费用太高", "套餐不划算", "信号差");
        assertThat(c.rows.stream().filter(r -> c.get(r, "closed_at").isEmpty()).allMatch(r -> c.get(r, "resolved").equals("N")))
                .isTrue();
    }

    @Test
    void marketingContactsRespectConsentDoNotDisturbQuietHoursAndFrequencyCaps() {
        CsvTable s = Fixtures.standard("subscribers");
        Map<String, String[]> subs = new HashMap<>();
        s.rows.forEach(r -> subs.put(r[0], r));
        CsvTable c = Fixtures.standard("contacts");
        Map<String, List<LocalDateTime>> sms = new HashMap<>();
        Map<String, List<LocalDateTime>> calls = new HashMap<>();
        java.util.Set<String> optedOut = new java.util.HashSet<>();
        for (String[] r : c.rows) {
            String[] sub = subs.get(r[0]);
            LocalDateTime time = LocalDateTime.parse(c.get(r, "contact_time"));
            String channel = c.get(r, "channel");
            if (channel.equals("SMS") || channel.equals("CALL")) {
                assertThat(time.getHour()).as(time.toString()).isBetween(8, 20);
            }
            if (c.get(r, "outcome").equals("OPTED_OUT")) {
                optedOut.add(r[0]);
            }
            if (c.get(r, "purpose").equals("MARKETING")) {
                assertThat(s.get(sub, "dnd")).isEqualTo("N");
                if (channel.equals("SMS")) {
                    sms.computeIfAbsent(r[0], k -> new ArrayList<>()).add(time);
                } else if (channel.equals("CALL")) {
                    calls.computeIfAbsent(r[0], k -> new ArrayList<>()).add(time);
                }
            }
        }
        sms.values().forEach(times -> {
            times.sort(null);
            for (int i = 0; i + 2 < times.size(); i++) {
                assertThat(Duration.between(times.get(i), times.get(i + 2)).toDays()).isGreaterThanOrEqualTo(7);
            }
        });
        calls.values().forEach(times -> {
            times.sort(null);
            for (int i = 0; i + 1 < times.size(); i++) {
                assertThat(Duration.between(times.get(i), times.get(i + 1)).toDays()).isGreaterThanOrEqualTo(29);
            }
        });
        assertThat(optedOut).isNotEmpty().allSatisfy(id -> assertThat(s.get(subs.get(id), "marketing_consent")).isEqualTo("N"));
        // lines that never consented get no marketing at all
        assertThat(sms.keySet()).allSatisfy(id -> assertThat(
                s.get(subs.get(id), "marketing_consent").equals("Y") || optedOut.contains(id)).isTrue());
    }
}
