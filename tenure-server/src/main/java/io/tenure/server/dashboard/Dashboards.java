package io.tenure.server.dashboard;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.Movement;
import io.tenure.core.fourhigh.Tag;
import io.tenure.core.risk.RiskBands;
import io.tenure.server.dashboard.DashboardRepository.Count;
import io.tenure.server.dashboard.DashboardRepository.County;
import io.tenure.server.dashboard.DashboardRepository.DayCount;
import io.tenure.server.dashboard.DashboardRepository.Run;
import io.tenure.server.security.Region;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds the dashboard from the counts of the latest publish, inside the user's region or an area of it the user
 * picked (a city user may narrow to one of its counties). An area outside the user's region is not found.
 */
@Service
public class Dashboards {
    /** Days of trend shown. */
    static final int TREND_DAYS = 90;
    private static final List<String> MOVEMENTS = Arrays.stream(Movement.values()).map(Enum::name).toList();
    private static final List<String> BANDS = Arrays.stream(RiskBands.Band.values()).map(Enum::name).toList();

    /** An area the user may pick: {@code value} is LEVEL:name, as the filter sends it. */
    public record Area(String value, Region region, String label) {
    }

    private final DashboardRepository repository;
    private final MessageSource messages;

    public Dashboards(DashboardRepository repository, MessageSource messages) {
        this.repository = repository;
        this.messages = messages;
    }

    public Optional<Run> latest() {
        return repository.latest();
    }

    /**
     * The areas the user may narrow to, the user's whole region first (value empty): the cities and counties of a
     * province, the counties of a city, nothing more for a county.
     */
    public List<Area> areas(Region region, Run run, Locale locale) {
        List<Area> areas = new ArrayList<>();
        areas.add(new Area("", region, messages.getMessage("dashboard.area.all",
                new Object[] {region.level() == Region.Level.PROVINCE ? messages.getMessage("region.province", null, locale)
                        : region.name()}, locale)));
        if (region.level() == Region.Level.COUNTY) {
            return areas;
        }
        List<County> counties = repository.counties(region, run.asOf());
        if (region.level() == Region.Level.PROVINCE) {
            counties.stream().map(County::city).distinct().forEach(city ->
                    areas.add(new Area("CITY:" + city, new Region(Region.Level.CITY, city), city)));
        }
        counties.forEach(c -> areas.add(new Area("COUNTY:" + c.county(), new Region(Region.Level.COUNTY, c.county()),
                region.level() == Region.Level.PROVINCE ? c.city() + " · " + c.county() : c.county())));
        return areas;
    }

    /** The area a filter value names among those offered, or NOT_FOUND (so areas outside the region cannot be probed). */
    public Area pick(List<Area> areas, String value) {
        String v = value == null ? "" : value.strip();
        return areas.stream().filter(a -> a.value().equals(v)).findFirst().orElseThrow(() -> new TenureException(
                ErrorCode.NOT_FOUND, "no area '" + v + "' in your region; pick one of the areas the filter lists"));
    }

    public Dashboard build(Area area, Run run, Locale locale) {
        Region region = area.region();
        List<Count> counts = repository.counts(region, run.asOf());
        List<String> tags = tags(counts);

        long stayed = sum(counts, c -> c.kind().equals("STAYED"));
        long returned = sum(counts, c -> c.kind().equals("EXITED"));
        Dashboard.Headline headline = new Dashboard.Headline(sum(counts, c -> c.kind().equals("ACTIVE")),
                sum(counts, c -> c.kind().equals("HELD")), sum(counts, c -> c.kind().equals("ENTERED")), returned,
                stayed + returned == 0 ? null : (double) returned / (stayed + returned),
                sum(counts, c -> c.kind().equals("RISK") && c.item().equals("HIGH")),
                sum(counts, c -> c.kind().equals("WARNING")));

        List<Long> held = perTag(counts, "HELD", tags);
        Map<String, List<Long>> movements = new LinkedHashMap<>();
        MOVEMENTS.forEach(m -> movements.put(m, perTag(counts, m, tags)));
        Map<String, Long> risk = new LinkedHashMap<>();
        BANDS.forEach(b -> risk.put(b, sum(counts, c -> c.kind().equals("RISK") && c.item().equals(b))));

        Map<String, String> labels = new LinkedHashMap<>();
        tags.forEach(t -> labels.put(t, label("dashboard.tag." + t, t, locale)));
        MOVEMENTS.forEach(m -> labels.put(m, label("dashboard.movement." + m, m, locale)));
        BANDS.forEach(b -> labels.put(b, label("dashboard.band." + b, b, locale)));
        labels.put("highRisk", label("dashboard.trend.highRisk", "HIGH", locale));
        labels.put("noRisk", label("dashboard.risk.none", "", locale));

        return new Dashboard(run.asOf(), run.month(), area.label(), headline, tags, held, movements,
                byArea(region, counts, tags), risk, trend(region, run, tags), labels);
    }

    /** The four tags in their order, then any other tag the counts name. */
    private static List<String> tags(List<Count> counts) {
        Set<String> tags = new LinkedHashSet<>(Arrays.stream(Tag.values()).map(Enum::name).toList());
        counts.stream().filter(c -> c.kind().equals("HELD") || MOVEMENTS.contains(c.kind())).map(Count::item).sorted()
                .forEach(tags::add);
        return List.copyOf(tags);
    }

    /** Holdings per city (province) or county (city, county), largest total first; areas holding none last. */
    private static Dashboard.ByArea byArea(Region region, List<Count> counts, List<String> tags) {
        boolean byCity = region.level() == Region.Level.PROVINCE;
        Function<Count, String> key = byCity ? Count::city : Count::county;
        Map<String, Map<String, Long>> byArea = new HashMap<>();
        counts.stream().filter(c -> c.kind().equals("HELD") || c.kind().equals("ACTIVE")).forEach(c -> {
            Map<String, Long> perTag = byArea.computeIfAbsent(key.apply(c), k -> new HashMap<>());
            if (c.kind().equals("HELD")) {
                perTag.merge(c.item(), c.n(), Long::sum);
            }
        });
        Comparator<String> largestFirst = Comparator.comparingLong(
                a -> -byArea.get(a).values().stream().mapToLong(Long::longValue).sum());
        List<String> names = byArea.keySet().stream().sorted(largestFirst.thenComparing(Comparator.naturalOrder())).toList();
        Map<String, List<Long>> held = new LinkedHashMap<>();
        tags.forEach(t -> held.put(t, names.stream().map(a -> byArea.get(a).getOrDefault(t, 0L)).toList()));
        return new Dashboard.ByArea(byCity ? "CITY" : "COUNTY", names, held);
    }

    private Dashboard.Trend trend(Region region, Run run, List<String> tags) {
        LocalDate from = run.asOf().minusDays(TREND_DAYS - 1L);
        List<LocalDate> days = repository.days(from).stream().filter(d -> !d.isAfter(run.asOf())).toList();
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < days.size(); i++) {
            index.put(days.get(i), i);
        }
        Map<String, long[]> held = new LinkedHashMap<>();
        tags.forEach(t -> held.put(t, new long[days.size()]));
        long[] highRisk = new long[days.size()];
        for (DayCount c : repository.trend(region, from)) {
            Integer i = index.get(c.asOf());
            if (i == null) {
                continue; // counts of a day no longer listed as published
            }
            if (c.kind().equals("HELD")) {
                held.computeIfAbsent(c.item(), k -> new long[days.size()])[i] += c.n();
            } else {
                highRisk[i] += c.n();
            }
        }
        Map<String, List<Long>> heldLists = new LinkedHashMap<>();
        held.forEach((t, v) -> heldLists.put(t, Arrays.stream(v).boxed().toList()));
        return new Dashboard.Trend(days, heldLists, Arrays.stream(highRisk).boxed().toList());
    }

    private static List<Long> perTag(List<Count> counts, String kind, List<String> tags) {
        Map<String, Long> byTag = counts.stream().filter(c -> c.kind().equals(kind))
                .collect(Collectors.groupingBy(Count::item, Collectors.summingLong(Count::n)));
        return tags.stream().map(t -> byTag.getOrDefault(t, 0L)).toList();
    }

    private static long sum(List<Count> counts, Predicate<Count> which) {
        return counts.stream().filter(which).mapToLong(Count::n).sum();
    }

    private String label(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }
}
