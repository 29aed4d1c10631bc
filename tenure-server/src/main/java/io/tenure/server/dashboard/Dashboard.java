package io.tenure.server.dashboard;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard of one area on the latest published day, as the page and its charts read it. Series are lists
 * aligned with {@code tags} (or the area names, or the days); {@code labels} names tags, movements and bands in the
 * page's language.
 *
 * @param area     the area shown: the user's region or a part of it
 * @param byArea   holdings per city (for the province) or per county, largest first
 * @param risk     subscribers per risk band
 * @param trend    holdings per tag and high-risk subscribers per published day
 */
public record Dashboard(LocalDate asOf, String month, String area, Headline headline, List<String> tags,
                        List<Long> held, Map<String, List<Long>> movements, ByArea byArea, Map<String, Long> risk,
                        Trend trend, Map<String, String> labels) {
    public Dashboard {
        tags = List.copyOf(tags);
        held = List.copyOf(held);
        movements = ordered(movements);
        risk = ordered(risk);
        labels = ordered(labels);
    }

    /**
     * The headline numbers. {@code held} counts tag holdings (a subscriber with two tags counts twice);
     * {@code returnRate} is returned ÷ held last month (stayed + returned), null when nobody held a tag last month.
     */
    public record Headline(long active, long held, long entered, long returned, Double returnRate, long highRisk,
                           long warnings) {
    }

    /** Holdings per area and tag; {@code level} is CITY or COUNTY. */
    public record ByArea(String level, List<String> names, Map<String, List<Long>> held) {
        public ByArea {
            names = List.copyOf(names);
            held = ordered(held);
        }
    }

    public record Trend(List<LocalDate> days, Map<String, List<Long>> held, List<Long> highRisk) {
        public Trend {
            days = List.copyOf(days);
            held = ordered(held);
            highRisk = List.copyOf(highRisk);
        }
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
