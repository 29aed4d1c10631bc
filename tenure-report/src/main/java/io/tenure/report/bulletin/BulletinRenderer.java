package io.tenure.report.bulletin;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.Movement;
import io.tenure.core.fourhigh.Tag;
import io.tenure.report.AtomicFile;
import io.tenure.report.Lang;
import io.tenure.report.Html;
import io.tenure.report.JsonEmbed;
import io.tenure.report.Messages;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders a {@link Bulletin} as one self-contained HTML file: stylesheet, chart script, the ECharts
 * library and the chart data (JSON) are all inlined, so the file opens offline and refers to nothing
 * outside itself. Tables are plain HTML and readable without script; charts are drawn by ECharts.
 * Texts come from {@link Messages}; the output depends only on the bulletin and the language.
 * Instances are immutable and may be shared between threads.
 */
public final class BulletinRenderer {
    private static final List<Tag> TAGS = List.of(Tag.values());
    private static final int TOP_WARNING_COUNTIES = 10;
    private static final int TOP_REASONS = 3;
    // Feeds rejecting at least this share of rows are highlighted.
    private static final double REJECT_ALERT = 0.01;

    private final Lang lang;
    private final Messages m;

    /** A renderer for one language. */
    public BulletinRenderer(Lang lang) {
        TenureException.require(lang != null, "lang must not be null");
        this.lang = lang;
        this.m = Messages.of(lang);
    }

    /** The complete HTML document. */
    public String render(Bulletin b) {
        TenureException.require(b != null, "bulletin must not be null");
        View v = new View(b);
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"").text(lang.htmlTag()).raw("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta name=\"generator\" content=\"Tenure\">\n")
                .raw("<title>").text(m.get("bulletin.title", b.province()) + " " + b.month()).raw("</title>\n")
                .raw("<style>\n").raw(Assets.css()).raw("\n</style>\n</head>\n<body>\n<div class=\"page\">\n");
        masthead(h, b);
        kpis(h, b, v);
        tagSection(h, b, v);
        citySection(h, b, v);
        movementSection(h, v);
        careSection(h, b);
        riskSection(h, b);
        perceptionSection(h, b);
        trendSection(h, b);
        warningSection(h, b, v);
        qualitySection(h, b);
        thresholdSection(h, b);
        h.raw("<footer class=\"footer\">").text(m.get("bulletin.footer", b.runId(), b.asOf().toString()))
                .raw("</footer>\n</div>\n");
        h.raw("<script type=\"application/json\" id=\"bulletin-data\">").raw(JsonEmbed.write(chartData(b, v)))
                .raw("</script>\n");
        h.raw("<script>\n").raw(Assets.echarts()).raw("\n</script>\n");
        h.raw("<script>\n").raw(Assets.script()).raw("\n</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * Writes the document as UTF-8. The file appears only once complete (written beside it, then
     * moved over it); its directory is created when missing.
     *
     * @throws TenureException {@link ErrorCode#IO_FAILURE} when the file cannot be written
     */
    public void write(Bulletin b, Path file) {
        TenureException.require(file != null, "bulletin file must not be null");
        String html = render(b);
        AtomicFile.write(file, "bulletin", out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    // ---------------------------------------------------------------- sections

    private void masthead(Html h, Bulletin b) {
        h.raw("<header class=\"masthead\">\n<div class=\"masthead-top\">")
                .el("span", "kicker", m.get("bulletin.kicker"))
                .el("span", "stamp", m.get("bulletin.confidential")).raw("</div>\n")
                .el("h1", null, m.get("bulletin.title", b.province())).raw("\n<div class=\"meta\">");
        metaItem(h, m.get("bulletin.month"), b.month().toString());
        metaItem(h, m.get("bulletin.asof"), b.asOf().toString());
        metaItem(h, m.get("bulletin.run"), b.runId());
        h.raw("</div>\n</header>\n");
    }

    private static void metaItem(Html h, String label, String value) {
        h.raw("<span class=\"meta-item\">").el("span", "meta-label", label).el("b", null, value).raw("</span>");
    }

    private void kpis(Html h, Bulletin b, View v) {
        long holdings = v.sum(TagSummary::held);
        long entered = v.sum(TagSummary::entered);
        long exited = v.sum(TagSummary::exited);
        EarlyWarningSummary ew = b.earlyWarnings();
        h.raw("<section class=\"kpis\">\n");
        kpi(h, "kpi-evaluated", m.get("bulletin.kpi.evaluated"), Fmt.count(b.evaluatedSubscribers()),
                m.get("bulletin.kpi.evaluated.note", Fmt.count(b.notEvaluatedNoBill())));
        kpi(h, "kpi-holdings", m.get("bulletin.kpi.holdings"), Fmt.count(holdings), m.get("bulletin.kpi.holdings.note"));
        kpi(h, "kpi-entered", m.get("bulletin.kpi.entered"), Fmt.count(entered),
                m.get("bulletin.kpi.entered.note", holdings == 0 ? none() : Fmt.percent((double) entered / holdings)));
        kpi(h, "kpi-exited", m.get("bulletin.kpi.exited"), Fmt.count(exited),
                m.get("bulletin.kpi.exited.note", Fmt.percent(b.returnToNormalRate())));
        kpi(h, "kpi-warnings", m.get("bulletin.kpi.warnings"), Fmt.count(ew.total()),
                ew.trackedThrough() == null ? m.get("bulletin.kpi.warnings.none")
                        : m.get("bulletin.kpi.warnings.note", ew.trackedThrough().toString()));
        h.raw("</section>\n");
    }

    private static void kpi(Html h, String cls, String label, String value, String note) {
        h.raw("<div class=\"kpi ").text(cls).raw("\">").el("div", "kpi-label", label).el("div", "kpi-value", value)
                .el("div", "kpi-note", note).raw("</div>\n");
    }

    private void tagSection(Html h, Bulletin b, View v) {
        section(h, "tags", "bulletin.section.tags");
        h.raw("<table class=\"data\">\n<thead><tr>");
        th(h, "bulletin.col.tag", "l");
        for (String k : List.of("held", "new", "persistent", "entered", "stayed", "exited", "held_last_month")) {
            th(h, "bulletin.col." + k, null);
        }
        th(h, "bulletin.col.rate", null);
        th(h, "bulletin.col.per_mille", null);
        h.raw("</tr></thead>\n<tbody>\n");
        for (Tag t : TAGS) {
            TagSummary s = v.summary(t);
            h.raw("<tr>").raw("<td class=\"l\"><span class=\"dot ").text(cssClass(t)).raw("\"></span>")
                    .text(m.tag(t)).raw("</td>");
            tagRow(h, s.held(), s.newLevel(), s.persistent(), s.entered(), s.stayed(), s.exited(), s.heldLastMonth(),
                    s.returnToNormalRate(), b.evaluatedSubscribers());
            h.raw("</tr>\n");
        }
        h.raw("</tbody>\n<tfoot><tr>").el("td", "l", m.get("bulletin.total"));
        tagRow(h, v.sum(TagSummary::held), v.sum(TagSummary::newLevel), v.sum(TagSummary::persistent),
                v.sum(TagSummary::entered), v.sum(TagSummary::stayed), v.sum(TagSummary::exited),
                v.sum(TagSummary::heldLastMonth), b.returnToNormalRate(), b.evaluatedSubscribers());
        h.raw("</tr></tfoot>\n</table>\n<ul class=\"notes\">").el("li", null, m.get("bulletin.note.level"))
                .el("li", null, m.get("bulletin.note.rate")).el("li", null, m.get("bulletin.note.per_mille"))
                .raw("</ul>\n</section>\n");
    }

    private void tagRow(Html h, long held, long newLevel, long persistent, long entered, long stayed,
                               long exited, long heldLastMonth, double rate, long evaluated) {
        for (long n : new long[] {held, newLevel, persistent, entered, stayed, exited, heldLastMonth}) {
            h.el("td", "n", Fmt.count(n));
        }
        if (heldLastMonth == 0) {
            h.el("td", "n muted", none());
        } else {
            // the bar is a visual aid only; the figure is the text beside it
            h.raw("<td class=\"n rate\"><span class=\"bar\"><span style=\"width:")
                    .raw(String.format(java.util.Locale.ROOT, "%.1f", Math.min(100.0, rate * 100)))
                    .raw("%\"></span></span>").text(Fmt.percent(rate)).raw("</td>");
        }
        h.el("td", "n", evaluated == 0 ? none() : Fmt.perThousand(held * 1000.0 / evaluated));
    }

    private void citySection(Html h, Bulletin b, View v) {
        section(h, "cities", "bulletin.section.cities");
        if (b.counties().isEmpty()) {
            h.el("p", "empty", m.get("bulletin.empty")).raw("</section>\n");
            return;
        }
        chart(h, "chart-cities", "bulletin.chart.cities", "tall");
        h.el("h3", null, m.get("bulletin.counties.title"));
        h.raw("<div class=\"scroll\"><table class=\"data compact\">\n<thead><tr>");
        h.raw("<th class=\"l\" rowspan=\"2\">").text(m.get("bulletin.col.city")).raw("</th>");
        h.raw("<th class=\"l\" rowspan=\"2\">").text(m.get("bulletin.col.county")).raw("</th>");
        h.raw("<th rowspan=\"2\">").text(m.get("bulletin.col.evaluated")).raw("</th>");
        for (Tag t : TAGS) {
            h.raw("<th colspan=\"2\" class=\"group\">").text(m.tag(t)).raw("</th>");
        }
        h.raw("<th rowspan=\"2\">").text(m.get("bulletin.col.total")).raw("</th></tr>\n<tr>");
        for (int i = 0; i < TAGS.size(); i++) {
            th(h, "bulletin.col.held", "sub");
            th(h, "bulletin.col.per_mille", "sub");
        }
        h.raw("</tr></thead>\n<tbody>\n");
        Area province = new Area(m.get("bulletin.province_total"), "");
        for (String city : v.cities()) {
            Area subtotal = new Area(city, m.get("bulletin.subtotal"));
            for (Area county : v.countiesOf(city)) {
                areaRow(h, county, "");
                subtotal.add(county);
            }
            areaRow(h, subtotal, "subtotal");
            province.add(subtotal);
        }
        h.raw("</tbody>\n<tfoot>");
        areaRow(h, province, "");
        h.raw("</tfoot>\n</table></div>\n</section>\n");
    }

    private void areaRow(Html h, Area a, String cls) {
        h.raw(cls.isEmpty() ? "<tr>" : "<tr class=\"" + cls + "\">").el("td", "l", a.city).el("td", "l", a.county)
                .el("td", "n", Fmt.count(a.evaluated));
        for (Tag t : TAGS) {
            long held = a.held.getOrDefault(t, 0L);
            h.el("td", "n", Fmt.count(held));
            h.el("td", "n pm", a.evaluated == 0 ? none() : Fmt.perThousand(held * 1000.0 / a.evaluated));
        }
        h.el("td", "n strong", Fmt.count(a.total())).raw("</tr>\n");
    }

    private void movementSection(Html h, View v) {
        section(h, "movements", "bulletin.section.movements");
        chart(h, "chart-movements", "bulletin.chart.movements", "");
        h.raw("<table class=\"data\">\n<thead><tr>");
        th(h, "bulletin.col.tag", "l");
        for (Movement mv : Movement.values()) {
            h.el("th", null, m.movement(mv));
        }
        th(h, "bulletin.col.held_last_month", null);
        th(h, "bulletin.col.rate", null);
        h.raw("</tr></thead>\n<tbody>\n");
        for (Tag t : TAGS) {
            TagSummary s = v.summary(t);
            h.raw("<tr>").el("td", "l", m.tag(t)).el("td", "n up", Fmt.count(s.entered()))
                    .el("td", "n", Fmt.count(s.stayed())).el("td", "n down", Fmt.count(s.exited()))
                    .el("td", "n", Fmt.count(s.heldLastMonth()))
                    .el("td", "n", s.heldLastMonth() == 0 ? none() : Fmt.percent(s.returnToNormalRate())).raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    private void careSection(Html h, Bulletin b) {
        CareSummary c = b.care();
        section(h, "care", "bulletin.section.care");
        if (c.rows() == 0) {
            h.el("p", "empty", m.get("bulletin.care.none")).raw("</section>\n");
            return;
        }
        h.el("p", "lead", m.get("bulletin.care.lead", Fmt.count(c.offered()), Fmt.money(yuan(c.savingCents())),
                Fmt.money(yuan(c.revenueChangeCents())), Fmt.money(yuan(c.bandRevenueChangeCents())), Fmt.count(c.bandOffered())));
        h.raw("<table class=\"data\">\n<tbody>\n");
        careRow(h, "bulletin.care.offered", Fmt.count(c.offered()));
        careRow(h, "bulletin.care.saving", Fmt.money(yuan(c.savingCents())));
        careRow(h, "bulletin.care.revenue", Fmt.money(yuan(c.revenueChangeCents())));
        careRow(h, "bulletin.care.band_revenue", Fmt.money(yuan(c.bandRevenueChangeCents())));
        careRow(h, "bulletin.care.held_back", Fmt.count(c.heldBack()));
        h.raw("</tbody>\n</table>\n<table class=\"data\">\n<thead><tr>");
        th(h, "bulletin.col.care_action", "l");
        th(h, "bulletin.col.rows", null);
        h.raw("</tr></thead>\n<tbody>\n");
        c.actions().forEach((a, n) -> h.raw("<tr>").el("td", "l", m.get("care." + a.name())).el("td", "n", Fmt.count(n))
                .raw("</tr>\n"));
        h.raw("</tbody>\n</table>\n<table class=\"data\">\n<thead><tr>");
        th(h, "bulletin.col.channel", "l");
        th(h, "bulletin.col.rows", null);
        h.raw("</tr></thead>\n<tbody>\n");
        c.channels().forEach((ch, n) -> h.raw("<tr>").el("td", "l", m.get("channel." + ch.name())).el("td", "n", Fmt.count(n))
                .raw("</tr>\n"));
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    private void riskSection(Html h, Bulletin b) {
        RiskSummary r = b.risk();
        section(h, "risk", "bulletin.section.risk");
        if (r.scored() == 0) {
            h.el("p", "empty", m.get("bulletin.risk.none")).raw("</section>\n");
            return;
        }
        h.el("p", "lead", m.get("bulletin.risk.lead", Fmt.count(r.scored()), Fmt.count(r.high()), Fmt.count(r.medium())));
        h.raw("<table class=\"data\">\n<thead><tr>");
        th(h, "bulletin.col.city", "l");
        th(h, "bulletin.col.county", "l");
        th(h, "bulletin.col.high", null);
        th(h, "bulletin.col.medium", null);
        th(h, "bulletin.col.low", null);
        h.raw("</tr></thead>\n<tbody>\n");
        for (RiskSummary.County c : r.counties()) {
            h.raw("<tr>").el("td", "l", c.city()).el("td", "l", c.county()).el("td", "n up", Fmt.count(c.high()))
                    .el("td", "n", Fmt.count(c.medium())).el("td", "n", Fmt.count(c.low())).raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n").el("h3", null, m.get("bulletin.risk.reasons")).raw("<table class=\"data\">\n<thead><tr>");
        th(h, "bulletin.col.reason", "l");
        th(h, "bulletin.col.customers", null);
        h.raw("</tr></thead>\n<tbody>\n");
        for (RiskSummary.Reason x : r.reasons()) {
            h.raw("<tr>").el("td", "l", x.label()).el("td", "n", Fmt.count(x.customers())).raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    private void perceptionSection(Html h, Bulletin b) {
        var fit = b.perception();
        section(h, "perception", "bulletin.section.perception");
        if (fit.effects().isEmpty()) {
            h.el("p", "empty", m.get("bulletin.perception.none")).raw("</section>\n");
            return;
        }
        h.el("p", "lead", m.get("bulletin.perception.lead", Fmt.count(fit.n()),
                Fmt.percent(Double.isNaN(fit.rSquared()) ? 0 : fit.rSquared())));
        h.raw("<table class=\"data\">\n<thead><tr>");
        th(h, "bulletin.col.factor", "l");
        th(h, "bulletin.col.effect", null);
        th(h, "bulletin.col.interval", null);
        th(h, "bulletin.col.share", null);
        h.raw("</tr></thead>\n<tbody>\n");
        for (var e : fit.effects()) {
            String label = m.has("perception.factor." + e.factor()) ? m.get("perception.factor." + e.factor()) : e.factor();
            h.raw("<tr>").el("td", "l", label)
                    .el("td", e.significant() ? (e.estimate() < 0 ? "n up" : "n down") : "n", signed(e.estimate()))
                    .el("td", "n", signed(e.low()) + " … " + signed(e.high()))
                    .el("td", "n", Fmt.percent(e.share())).raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n").el("p", "note", m.get("bulletin.perception.note")).raw("</section>\n");
    }

    private static String signed(double v) {
        return String.format(java.util.Locale.ROOT, "%+.2f", v);
    }

    private void careRow(Html h, String key, String value) {
        h.raw("<tr>").el("td", "l", m.get(key)).el("td", "n", value).raw("</tr>\n");
    }

    private static java.math.BigDecimal yuan(long cents) {
        return java.math.BigDecimal.valueOf(cents, 2);
    }

    private void trendSection(Html h, Bulletin b) {
        section(h, "trend", "bulletin.section.trend");
        if (b.trend().isEmpty()) {
            h.el("p", "empty", m.get("bulletin.no_data")).raw("</section>\n");
            return;
        }
        h.raw("<div class=\"grid2\">");
        chart(h, "chart-trend-held", "bulletin.chart.trend.held", "");
        chart(h, "chart-trend-rate", "bulletin.chart.trend.rate", "");
        h.raw("</div>\n</section>\n");
    }

    private void warningSection(Html h, Bulletin b, View v) {
        EarlyWarningSummary ew = b.earlyWarnings();
        section(h, "warnings", "bulletin.section.warnings");
        if (ew.trackedThrough() == null) {
            h.el("p", "lead", m.get("bulletin.warnings.none")).raw("</section>\n");
            return;
        }
        h.el("p", "lead", m.get("bulletin.warnings.tracked", ew.trackedThrough().toString(), ew.day(), ew.daysInMonth()));
        List<Tag> warned = v.warnedTags();
        BigDecimal fee = ew.counts().stream().map(EarlyWarningCount::projectedFeeTotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        h.raw("<div class=\"mini-kpis\">");
        for (Tag t : warned) {
            long n = 0;
            BigDecimal f = BigDecimal.ZERO;
            for (EarlyWarningCount c : ew.counts()) {
                if (c.tag() == t) {
                    n += c.subscribers();
                    f = f.add(c.projectedFeeTotal());
                }
            }
            h.raw("<div class=\"mini ").text(cssClass(t)).raw("\">").el("div", "mini-label", m.tag(t))
                    .el("div", "mini-value", Fmt.count(n)).el("div", "mini-note", m.get("bulletin.money", Fmt.money(f)))
                    .raw("</div>");
        }
        h.raw("<div class=\"mini total\">").el("div", "mini-label", m.get("bulletin.total"))
                .el("div", "mini-value", Fmt.count(ew.total()))
                .el("div", "mini-note", m.get("bulletin.warnings.fee", Fmt.money(fee))).raw("</div></div>\n");
        List<WarnArea> top = v.topWarningCounties(TOP_WARNING_COUNTIES);
        if (top.isEmpty() || ew.total() == 0) {
            h.el("p", "empty", m.get("bulletin.empty")).raw("</section>\n");
            return;
        }
        chart(h, "chart-warnings", "bulletin.chart.warnings", "");
        h.raw("<table class=\"data\">\n<thead><tr>");
        th(h, "bulletin.col.city", "l");
        th(h, "bulletin.col.county", "l");
        for (Tag t : warned) {
            h.el("th", null, m.tag(t));
        }
        th(h, "bulletin.col.subscribers", null);
        th(h, "bulletin.col.projected_fee", null);
        h.raw("</tr></thead>\n<tbody>\n");
        for (WarnArea a : top) {
            h.raw("<tr>").el("td", "l", a.city).el("td", "l", a.county);
            for (Tag t : warned) {
                h.el("td", "n", Fmt.count(a.byTag.getOrDefault(t, 0L)));
            }
            h.el("td", "n strong", Fmt.count(a.total)).el("td", "n", Fmt.money(a.fee)).raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    private void qualitySection(Html h, Bulletin b) {
        section(h, "quality", "bulletin.section.quality");
        if (b.feeds().isEmpty()) {
            h.el("p", "empty", m.get("bulletin.empty"));
        } else {
            h.raw("<table class=\"data\">\n<thead><tr>");
            th(h, "bulletin.col.feed", "l");
            for (String k : List.of("read", "loaded", "rejected", "reject_rate")) {
                th(h, "bulletin.col." + k, null);
            }
            th(h, "bulletin.col.reasons", "l");
            h.raw("</tr></thead>\n<tbody>\n");
            for (FeedCount f : b.feeds()) {
                h.raw("<tr>").el("td", "l strong", f.feed()).el("td", "n", Fmt.count(f.read()))
                        .el("td", "n", Fmt.count(f.loaded())).el("td", "n", Fmt.count(f.rejected()))
                        .el("td", f.rejectRate() >= REJECT_ALERT ? "n alert" : "n", Fmt.smallPercent(f.rejectRate()))
                        .el("td", "l reasons", reasons(f)).raw("</tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
        h.el("p", "after", m.get("bulletin.quality.not_evaluated", Fmt.count(b.notEvaluatedNoBill())))
                .raw("</section>\n");
    }

    private String reasons(FeedCount f) {
        List<String> top = f.rejectedByReason().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_REASONS)
                .map(e -> m.get("bulletin.quality.reason", e.getKey(), Fmt.count(e.getValue())))
                .toList();
        return top.isEmpty() ? m.get("bulletin.none") : String.join(lang == Lang.ZH ? "；" : "; ", top);
    }

    private void thresholdSection(Html h, Bulletin b) {
        section(h, "thresholds", "bulletin.section.thresholds");
        if (b.thresholds().isEmpty()) {
            h.el("p", "empty", m.get("bulletin.empty"));
        } else {
            h.raw("<table class=\"data kv\">\n<thead><tr>");
            th(h, "bulletin.col.threshold", "l");
            th(h, "bulletin.col.value", "l");
            h.raw("</tr></thead>\n<tbody>\n");
            b.thresholds().forEach((k, val) -> h.raw("<tr>").el("td", "l", k).el("td", "l strong", val).raw("</tr>\n"));
            h.raw("</tbody>\n</table>\n");
        }
        h.raw("</section>\n");
    }

    private void section(Html h, String id, String titleKey) {
        h.raw("<section class=\"card\" id=\"").text(id).raw("\">\n").el("h2", null, m.get(titleKey)).raw("\n");
    }

    private void chart(Html h, String id, String titleKey, String cls) {
        h.raw("<figure class=\"chart-box\">").el("figcaption", null, m.get(titleKey))
                .raw("<div class=\"chart ").text(cls).raw("\" id=\"").text(id).raw("\"></div></figure>\n");
    }

    private void th(Html h, String key, String cls) {
        h.el("th", cls, m.get(key));
    }

    // ---------------------------------------------------------------- chart data

    private Map<String, Object> chartData(Bulletin b, View v) {
        Map<String, Object> d = new LinkedHashMap<>();
        List<Map<String, String>> tags = new ArrayList<>();
        for (Tag t : TAGS) {
            Map<String, String> tag = new LinkedHashMap<>();
            tag.put("key", t.name());
            tag.put("name", m.tag(t));
            tags.add(tag);
        }
        d.put("tags", tags);
        Map<String, String> labels = new LinkedHashMap<>();
        for (Movement mv : Movement.values()) {
            labels.put(mv.name(), m.movement(mv));
        }
        labels.put("held", m.get("bulletin.col.held"));
        labels.put("perMille", m.get("bulletin.col.per_mille"));
        labels.put("subscribers", m.get("bulletin.col.subscribers"));
        d.put("labels", labels);

        // tag counts per city, cities ordered as in the county table
        List<String> cities = v.cities();
        Map<String, List<Long>> cityHeld = new LinkedHashMap<>();
        for (Tag t : TAGS) {
            List<Long> col = new ArrayList<>();
            for (String c : cities) {
                col.add(v.countiesOf(c).stream().mapToLong(a -> a.held.getOrDefault(t, 0L)).sum());
            }
            cityHeld.put(t.name(), col);
        }
        Map<String, Object> cityData = new LinkedHashMap<>();
        cityData.put("names", cities);
        cityData.put("held", cityHeld);
        d.put("cities", cityData);

        Map<String, List<Long>> moves = new LinkedHashMap<>();
        moves.put(Movement.ENTERED.name(), TAGS.stream().map(t -> v.summary(t).entered()).toList());
        moves.put(Movement.STAYED.name(), TAGS.stream().map(t -> v.summary(t).stayed()).toList());
        moves.put(Movement.EXITED.name(), TAGS.stream().map(t -> v.summary(t).exited()).toList());
        d.put("movements", moves);

        TreeSet<YearMonth> months = new TreeSet<>();
        b.trend().forEach(p -> months.add(p.month()));
        Map<String, List<Long>> trendHeld = new LinkedHashMap<>();
        Map<String, List<Double>> trendRate = new LinkedHashMap<>();
        for (Tag t : TAGS) {
            List<Long> held = new ArrayList<>();
            List<Double> rate = new ArrayList<>();
            for (YearMonth ym : months) {
                TrendPoint p = b.trend().stream().filter(x -> x.tag() == t && x.month().equals(ym)).findFirst()
                        .orElse(null);
                held.add(p == null ? null : p.held());
                rate.add(p == null ? null : Math.round(p.perThousand() * 100) / 100.0);
            }
            trendHeld.put(t.name(), held);
            trendRate.put(t.name(), rate);
        }
        Map<String, Object> trend = new LinkedHashMap<>();
        trend.put("months", months.stream().map(YearMonth::toString).toList());
        trend.put("held", trendHeld);
        trend.put("perMille", trendRate);
        d.put("trend", trend);

        List<WarnArea> top = v.topWarningCounties(TOP_WARNING_COUNTIES);
        Map<String, List<Long>> warnSeries = new LinkedHashMap<>();
        for (Tag t : v.warnedTags()) {
            warnSeries.put(t.name(), top.stream().map(a -> a.byTag.getOrDefault(t, 0L)).toList());
        }
        Map<String, Object> warnings = new LinkedHashMap<>();
        warnings.put("areas", top.stream().map(a -> a.city + " " + a.county).toList());
        warnings.put("subscribers", warnSeries);
        d.put("warnings", warnings);
        return d;
    }

    // ---------------------------------------------------------------- aggregation

    /** Counts of one area (county, city subtotal or province) over the tags. */
    private static final class Area {
        final String city;
        final String county;
        final Map<Tag, Long> held = new EnumMap<>(Tag.class);
        long evaluated;

        Area(String city, String county) {
            this.city = city;
            this.county = county;
        }

        void add(Area other) {
            evaluated += other.evaluated;
            other.held.forEach((t, n) -> held.merge(t, n, Long::sum));
        }

        long total() {
            return held.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Early warnings of one county over the tags. */
    private static final class WarnArea {
        final String city;
        final String county;
        final Map<Tag, Long> byTag = new EnumMap<>(Tag.class);
        long total;
        BigDecimal fee = BigDecimal.ZERO;

        WarnArea(String city, String county) {
            this.city = city;
            this.county = county;
        }
    }

    /** The bulletin regrouped for display. */
    private final class View {
        private final Map<Tag, TagSummary> summaries = new EnumMap<>(Tag.class);
        private final Map<String, List<Area>> countiesByCity = new LinkedHashMap<>();
        private final List<WarnArea> warnAreas;
        private final List<Tag> warnedTags;

        View(Bulletin b) {
            b.tags().forEach(s -> summaries.put(s.tag(), s));
            Comparator<String> names = nameOrder();
            Map<String, Map<String, Area>> byCity = new java.util.TreeMap<>(names);
            for (CountyTagCount c : b.counties()) {
                Area a = byCity.computeIfAbsent(c.city(), k -> new java.util.TreeMap<>(names))
                        .computeIfAbsent(c.county(), k -> new Area(c.city(), c.county()));
                a.evaluated = c.evaluated();
                a.held.merge(c.tag(), c.held(), Long::sum);
            }
            byCity.forEach((city, counties) -> countiesByCity.put(city, counties.values().stream()
                    .sorted(Comparator.comparingLong(Area::total).reversed()
                            .thenComparing(a -> a.county, names))
                    .toList()));

            Map<String, WarnArea> warn = new LinkedHashMap<>();
            for (EarlyWarningCount c : b.earlyWarnings().counts()) {
                WarnArea a = warn.computeIfAbsent(c.city() + '\u0000' + c.county(), k -> new WarnArea(c.city(), c.county()));
                a.byTag.merge(c.tag(), c.subscribers(), Long::sum);
                a.total += c.subscribers();
                a.fee = a.fee.add(c.projectedFeeTotal());
            }
            warnAreas = warn.values().stream().filter(a -> a.total > 0)
                    .sorted(Comparator.comparingLong((WarnArea a) -> a.total).reversed()
                            .thenComparing((WarnArea a) -> a.fee, Comparator.reverseOrder())
                            .thenComparing(a -> a.city, names).thenComparing(a -> a.county, names))
                    .toList();
            warnedTags = TAGS.stream()
                    .filter(t -> b.earlyWarnings().counts().stream().anyMatch(c -> c.tag() == t))
                    .toList();
        }

        TagSummary summary(Tag t) {
            return summaries.getOrDefault(t, new TagSummary(t, 0, 0, 0, 0, 0, 0, 0));
        }

        long sum(java.util.function.ToLongFunction<TagSummary> f) {
            return summaries.values().stream().mapToLong(f).sum();
        }

        List<String> cities() {
            return List.copyOf(countiesByCity.keySet());
        }

        List<Area> countiesOf(String city) {
            return countiesByCity.getOrDefault(city, List.of());
        }

        List<WarnArea> topWarningCounties(int n) {
            return warnAreas.stream().limit(n).toList();
        }

        List<Tag> warnedTags() {
            return warnedTags;
        }
    }

    // Placeholder for a figure that does not exist (a rate without a base).
    private String none() {
        return m.get("bulletin.none");
    }

    private static String cssClass(Tag t) {
        return t.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    // Place names are Chinese whatever the language of the bulletin: Chinese collation (pinyin order),
    // then code points so distinct names never tie.
    private static Comparator<String> nameOrder() {
        java.text.Collator collator = java.text.Collator.getInstance(java.util.Locale.SIMPLIFIED_CHINESE);
        collator.setStrength(java.text.Collator.TERTIARY);
        Comparator<String> byCollator = collator::compare;
        return byCollator.thenComparing(Comparator.naturalOrder());
    }
}
