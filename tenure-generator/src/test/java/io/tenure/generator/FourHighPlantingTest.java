package io.tenure.generator;

import io.tenure.generator.RulesOracle.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tenure.generator.CsvTable.microMb;
import static org.assertj.core.api.Assertions.assertThat;

/** The planted four-high effects are found by a plain reading of rules §2, at the planted sizes. */
class FourHighPlantingTest {
    private static final List<String> MONTHS = List.of("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10");
    private static RulesOracle data;
    private static String manifest;

    @BeforeAll
    static void load() throws IOException {
        data = new RulesOracle(Fixtures.standard());
        manifest = Files.readString(Fixtures.standard().resolve("generator.json"), StandardCharsets.UTF_8);
    }

    @Test
    void eachTagHoldsForTwoToSixPercentOfActiveLinesInTheLatestMonth() {
        Map<Tag, Integer> counts = count("2026-10");
        long evaluated = evaluated("2026-10");
        for (Tag t : Tag.values()) {
            assertThat(counts.get(t) / (double) evaluated).as(t.name()).isBetween(0.02, 0.06);
        }
    }

    @Test
    void theRulesFindExactlyWhatTheGeneratorRecordsAsTruthForEveryMonth() {
        for (String month : MONTHS) {
            Map<Tag, Integer> counts = count(month);
            String block = manifest.substring(manifest.indexOf("\"" + month + "\": {"));
            assertThat(number(block, "evaluated")).isEqualTo(evaluated(month));
            for (Tag t : Tag.values()) {
                assertThat(number(block, t.name())).as(month + " " + t).isEqualTo((long) counts.get(t));
            }
        }
    }

    @Test
    void tagsPersistEnterAndReturnToNormalFromMonthToMonth() {
        for (Tag t : Tag.values()) {
            int stayed = 0;
            int entered = 0;
            int exited = 0;
            for (String sid : data.subscribers.keySet()) {
                if (!data.evaluated(sid, "2026-10")) {
                    continue;
                }
                boolean now = data.tags(sid, "2026-10").contains(t);
                boolean before = data.evaluated(sid, "2026-09") && data.tags(sid, "2026-09").contains(t);
                if (now && before) {
                    stayed++;
                } else if (now) {
                    entered++;
                } else if (before) {
                    exited++;
                }
            }
            assertThat(stayed).as(t + " stayed").isGreaterThan(entered / 2);
            assertThat(entered).as(t + " entered").isPositive();
            assertThat(exited).as(t + " exited").isPositive();
        }
    }

    @Test
    void monthToDateProjectionRaisesEarlyWarningsForAFewPercent() {
        CsvTable d = Fixtures.standard("usage_daily");
        Map<String, long[]> mtd = new java.util.HashMap<>();
        for (String[] r : d.rows) {
            long[] x = mtd.computeIfAbsent(r[0], k -> new long[2]);
            x[0] += Long.parseLong(d.get(r, "voice_min"));
            x[1] += microMb(d.get(r, "data_mb"));
        }
        int dataWarnings = 0;
        int tariffWarnings = 0;
        int active = 0;
        long dim = 30;
        long days = 20;
        for (String sid : data.subscribers.keySet()) {
            if (!data.s(sid, "status").equals("ACTIVE")) {
                continue;
            }
            active++;
            long[] x = mtd.getOrDefault(sid, new long[2]);
            long[] allow = data.allowances(sid);
            RulesOracle.PlanRow p = data.plans.get(data.s(sid, "plan_id"));
            if ((x[0] * dim - allow[0] * days) * p.voiceRate() >= 3000 * days) {
                tariffWarnings++;
            }
            long excess = x[1] * dim - allow[1] * 1_000_000L * days;
            long unit = 1024L * 1_000_000L * days;
            long gb = excess <= 0 ? 0 : (excess + unit - 1) / unit;
            if (gb * p.dataRate() >= 2000) {
                dataWarnings++;
            }
        }
        assertThat(dataWarnings / (double) active).isBetween(0.02, 0.08);
        assertThat(tariffWarnings / (double) active).isBetween(0.02, 0.08);
        String block = manifest.substring(manifest.indexOf("\"earlyWarnings\""));
        assertThat(number(block, "HIGH_DATA")).isEqualTo((long) dataWarnings);
        assertThat(number(block, "HIGH_TARIFF")).isEqualTo((long) tariffWarnings);
    }

    private static Map<Tag, Integer> count(String month) {
        Map<Tag, Integer> counts = new EnumMap<>(Tag.class);
        for (Tag t : Tag.values()) {
            counts.put(t, 0);
        }
        for (String sid : data.subscribers.keySet()) {
            if (data.evaluated(sid, month)) {
                Set<Tag> tags = data.tags(sid, month);
                tags.forEach(t -> counts.merge(t, 1, Integer::sum));
            }
        }
        return counts;
    }

    private static long evaluated(String month) {
        return data.subscribers.keySet().stream().filter(sid -> data.evaluated(sid, month)).count();
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (\\d+)").matcher(json);
        assertThat(m.find()).as(key).isTrue();
        return Long.parseLong(m.group(1));
    }
}
