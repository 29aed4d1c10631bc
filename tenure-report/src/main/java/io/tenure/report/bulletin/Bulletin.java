package io.tenure.report.bulletin;

import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.Tag;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the bulletin (通报) shows for one run. Rendered by {@link BulletinRenderer}.
 *
 * @param province             province name as shown in the title (e.g. 福建)
 * @param asOf                 as-of date T of the run
 * @param month                billing month M evaluated (before T's month)
 * @param runId                run identifier
 * @param tags                 province-wide counts, at most one per tag
 * @param counties             per county and tag, at most one per (city, county, tag)
 * @param trend                per month and tag, at most one per (month, tag)
 * @param earlyWarnings        daily tracking of T's month
 * @param feeds                load results per feed
 * @param evaluatedSubscribers subscribers evaluated in M
 * @param notEvaluatedNoBill   active subscribers not evaluated for lack of a bill in M
 * @param thresholds           threshold label → value, in display order
 * @param care                 the care offered to the month's four-high customers
 * @param risk                 port-out risk of the active customers (none when no model is configured)
 * @param perception           what moves the survey scores, ranked (empty without surveys)
 */
public record Bulletin(String province, LocalDate asOf, YearMonth month, String runId, List<TagSummary> tags,
                       List<CountyTagCount> counties, List<TrendPoint> trend, EarlyWarningSummary earlyWarnings,
                       List<FeedCount> feeds, long evaluatedSubscribers, long notEvaluatedNoBill,
                       Map<String, String> thresholds, CareSummary care, RiskSummary risk,
                       io.tenure.core.perception.Drivers.Fit perception) {

    /** A bulletin without care figures. */
    public Bulletin(String province, LocalDate asOf, YearMonth month, String runId, List<TagSummary> tags,
                    List<CountyTagCount> counties, List<TrendPoint> trend, EarlyWarningSummary earlyWarnings,
                    List<FeedCount> feeds, long evaluatedSubscribers, long notEvaluatedNoBill, Map<String, String> thresholds) {
        this(province, asOf, month, runId, tags, counties, trend, earlyWarnings, feeds, evaluatedSubscribers, notEvaluatedNoBill,
                thresholds, CareSummary.NONE, RiskSummary.NONE, null);
    }

    public Bulletin {
        care = care == null ? CareSummary.NONE : care;
        risk = risk == null ? RiskSummary.NONE : risk;
        perception = perception == null ? new io.tenure.core.perception.Drivers.Fit(List.of(), 0, Double.NaN) : perception;
        province = Checks.text(province, "bulletin: province");
        runId = Checks.text(runId, "bulletin: run id");
        TenureException.require(asOf != null, "bulletin: as-of date must not be null");
        TenureException.require(month != null, "bulletin: month must not be null");
        TenureException.require(month.isBefore(YearMonth.from(asOf)),
                "bulletin: month " + month + " must be before the as-of month " + YearMonth.from(asOf));
        TenureException.require(tags != null && counties != null && trend != null && feeds != null,
                "bulletin: lists must not be null");
        TenureException.require(earlyWarnings != null, "bulletin: early warnings must not be null");
        TenureException.require(thresholds != null, "bulletin: thresholds must not be null");
        Checks.nonNegative("bulletin", evaluatedSubscribers, notEvaluatedNoBill);
        tags = List.copyOf(tags);
        counties = List.copyOf(counties);
        trend = List.copyOf(trend);
        feeds = List.copyOf(feeds);
        Map<String, String> t = new LinkedHashMap<>();
        thresholds.forEach((k, v) -> {
            TenureException.require(k != null && !k.isBlank() && v != null, "bulletin: threshold labels and values must not be empty");
            t.put(k, v);
        });
        thresholds = Collections.unmodifiableMap(t);

        Set<Tag> seenTags = EnumSet.noneOf(Tag.class);
        for (TagSummary s : tags) {
            TenureException.require(seenTags.add(s.tag()), "bulletin: tag " + s.tag() + " summarised twice");
            TenureException.require(s.held() <= evaluatedSubscribers,
                    "bulletin: " + s.tag() + " held (" + s.held() + ") exceeds subscribers evaluated (" + evaluatedSubscribers + ")");
        }
        Set<String> seenCounty = new HashSet<>();
        Map<String, Long> evaluatedByCounty = new HashMap<>();
        for (CountyTagCount c : counties) {
            String key = c.city() + '\u0000' + c.county();
            TenureException.require(seenCounty.add(key + '\u0000' + c.tag()),
                    "bulletin: county " + c.city() + "/" + c.county() + " has tag " + c.tag() + " twice");
            Long prev = evaluatedByCounty.putIfAbsent(key, c.evaluated());
            TenureException.require(prev == null || prev == c.evaluated(),
                    "bulletin: county " + c.city() + "/" + c.county() + " has different evaluated counts per tag");
        }
        Set<String> seenTrend = new HashSet<>();
        for (TrendPoint p : trend) {
            TenureException.require(seenTrend.add(p.month() + "/" + p.tag()),
                    "bulletin: trend has " + p.month() + "/" + p.tag() + " twice");
        }
        Set<String> seenFeed = new HashSet<>();
        for (FeedCount f : feeds) {
            TenureException.require(seenFeed.add(f.feed()), "bulletin: feed " + f.feed() + " listed twice");
        }
    }

    /** Return-to-normal rate over all tags: exited ÷ held last month, 0 when nothing was held. */
    public double returnToNormalRate() {
        long last = tags.stream().mapToLong(TagSummary::heldLastMonth).sum();
        return last == 0 ? 0.0 : (double) tags.stream().mapToLong(TagSummary::exited).sum() / last;
    }
}
