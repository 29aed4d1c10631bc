package io.tenure.report.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.core.fourhigh.Tag;
import io.tenure.report.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class BulletinRendererTest {
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    @TempDir
    Path dir;

    @Test
    void renders_in_chinese_with_the_key_headings_and_formatted_numbers() {
        Bulletin b = SampleBulletin.fujian(Lang.ZH);
        String html = new BulletinRenderer(Lang.ZH).render(b);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">", "<meta charset=\"utf-8\">");
        assertThat(html).contains("福建四高客户维系通报", "内部资料", "账期", "2025-05", "数据日期", "2025-06-10",
                "20250610-0200-fj");
        assertThat(html).contains("评估用户数", "四高标签户次", "较上月新进入", "回归正常", "本月按日预警");
        assertThat(html).contains("一、分标签情况", "二、地市及区县分布", "三、较上月异动", "四、关怀与资费推荐",
                "五、携号转网风险", "六、影响客户感知的要素", "七、月度趋势", "八、按日跟踪预警", "九、数据质量", "十、判定口径");
        assertThat(html).contains("当月流量超套 ≥ 20 元", "-1.52", "-1.61 … -1.43", "120,345 份");
        assertThat(html).contains("高风险 310,000 位", "异网通话占比", "201,000");
        // the care: customers offered, their total saving and the revenue effect, in yuan
        assertThat(html).contains("向 412,305 位四高客户推荐", "月均可省合计 19,876,543.21 元", "-19,876,543.21",
                "-15,000,000.00", "流量包", "增值业务梳理", "外呼");
        assertThat(html).contains("高资费", "高流量", "高沉默", "高ARPU", "新增", "持续", "新进入", "保持", "回归正常率");
        assertThat(html).contains("<div class=\"kpi-value\">" + Fmt.count(b.evaluatedSubscribers()) + "</div>");
        assertThat(Fmt.count(b.evaluatedSubscribers())).matches("\\d{1,3}(,\\d{3})+");
        assertThat(html).contains("另有 18,734 户无账单未评估", "35,102,774", "34,302,120", "800,654");
        assertThat(html).contains("按日跟踪截至 2025-06-09（本月第 9 天，共 30 天）");
        assertThat(html).contains("≥ 30.00 元，且占账单 ≥ 25%");
        assertThat(html).contains("日期不在本月（799,980）");
    }

    @Test
    void renders_in_english() {
        String html = new BulletinRenderer(Lang.EN).render(SampleBulletin.fujian(Lang.EN));
        assertThat(html).contains("<html lang=\"en\">", "Four-high customer retention bulletin: 福建");
        assertThat(html).contains("1. Tags", "2. Cities and counties", "3. Movements since last month",
                "4. Care and plan advice", "5. Port-out risk", "6. What moves customer perception", "7. Monthly trend", "8. Daily early warnings",
                "9. Data quality", "10. Thresholds used");
        assertThat(html).contains("Subscribers evaluated", "Tag holdings", "Returned to normal", "Return-to-normal rate",
                "High tariff", "High data", "High silence", "High ARPU", "Persistent", "Stayed");
        assertThat(html).contains("Tracked through 2025-06-09 (day 9 of 30)", "18,734 more without a bill");
        assertThat(html).doesNotContain("分标签情况", "回归正常率", "按日跟踪");
    }

    @Test
    void embeds_the_chart_data_as_json_that_parses_back() throws Exception {
        Bulletin b = SampleBulletin.fujian(Lang.ZH);
        JsonNode data = new ObjectMapper().readTree(json(new BulletinRenderer(Lang.ZH).render(b)));
        assertThat(data.get("tags")).hasSize(4);
        assertThat(data.get("tags").get(0).get("name").asText()).isEqualTo("高资费");
        assertThat(data.get("cities").get("names")).hasSize(9);
        long cityTotal = 0;
        for (JsonNode series : data.get("cities").get("held")) {
            for (JsonNode n : series) {
                cityTotal += n.asLong();
            }
        }
        assertThat(cityTotal).isEqualTo(b.tags().stream().mapToLong(TagSummary::held).sum());
        assertThat(data.get("movements").get("EXITED").get(1).asLong()).isEqualTo(b.tags().get(1).exited());
        assertThat(data.get("trend").get("months")).hasSize(6);
        assertThat(data.get("trend").get("months").get(5).asText()).isEqualTo("2025-05");
        assertThat(data.get("warnings").get("areas")).hasSize(10);
    }

    @Test
    void a_script_end_tag_in_a_county_name_cannot_break_out() throws Exception {
        String evil = "鼓楼</script><script>alert(1)</script>";
        EarlyWarningSummary ew = new EarlyWarningSummary(LocalDate.of(2025, 6, 9), 30, List.of(
                new EarlyWarningCount("福州", evil, Tag.HIGH_DATA, 12, new BigDecimal("420.00"))));
        Bulletin b = new Bulletin("福建", LocalDate.of(2025, 6, 10), YearMonth.of(2025, 5), "r1", List.of(),
                List.of(county("福州", evil, Tag.HIGH_DATA, 5, 100)), List.of(), ew, List.of(), 100, 0,
                Map.of("<b>口径</b>", "</script>"));
        String html = new BulletinRenderer(Lang.ZH).render(b);
        assertThat(count(html, "<script")).isEqualTo(3);
        assertThat(count(html.toLowerCase(), "</script")).isEqualTo(3);
        assertThat(html).doesNotContain("alert(1)</script>");
        assertThat(html).contains("鼓楼&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("\\u003C/script\\u003E");
        // and the data still reads back as the original name
        assertThat(new ObjectMapper().readTree(json(html)).get("warnings").get("areas").get(0).asText())
                .isEqualTo("福州 " + evil);
        assertThat(html).contains("&lt;b&gt;口径&lt;/b&gt;");
    }

    @Test
    void inlines_echarts_and_refers_to_nothing_outside_the_file() throws Exception {
        String html = new BulletinRenderer(Lang.ZH).render(SampleBulletin.fujian(Lang.ZH));
        String lib;
        try (InputStream in = getClass().getResourceAsStream(ECHARTS)) {
            lib = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(html.length()).isGreaterThan(500_000);
        assertThat(html).contains(lib.substring(0, 400)).contains(lib.substring(lib.length() - 400));
        assertThat(html).contains("echarts.init(");

        String own = html.replace(lib, "");
        assertThat(own.length()).isLessThan(html.length() - 500_000);
        assertThat(own).doesNotContain("http://", "https://", "<link", "@import", "url(");
        Matcher refs = Pattern.compile("\\b(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(own);
        assertThat(refs.find()).as("no src/href attributes").isFalse();
    }

    @Test
    void sorts_counties_by_city_then_total_and_adds_subtotals() {
        Bulletin b = minimal(List.of(
                county("厦门", "思明区", Tag.HIGH_DATA, 50, 1000),
                county("福州", "鼓楼区", Tag.HIGH_DATA, 10, 1000),
                county("福州", "台江区", Tag.HIGH_DATA, 30, 2000),
                county("福州", "台江区", Tag.HIGH_ARPU, 5, 2000)));
        for (Lang lang : Lang.values()) {
            assertCountyOrder(new BulletinRenderer(lang).render(b));
        }
        // 台江区: 30 high-data holders among 2,000 evaluated = 15.00 per 1,000; 福州 subtotal 40 / 3,000
        assertThat(new BulletinRenderer(Lang.ZH).render(b))
                .contains("<td class=\"n pm\">15.00</td>", "<td class=\"n pm\">13.33</td>");
    }

    static void assertCountyOrder(String html) {
        int taijiang = html.indexOf("<td class=\"l\">台江区</td>");
        int gulou = html.indexOf("<td class=\"l\">鼓楼区</td>");
        int fuzhouSub = html.indexOf("<tr class=\"subtotal\"><td class=\"l\">福州</td>");
        int siming = html.indexOf("<td class=\"l\">思明区</td>");
        assertThat(taijiang).isPositive().isLessThan(gulou);
        assertThat(gulou).isLessThan(fuzhouSub);
        assertThat(fuzhouSub).isLessThan(siming);
    }

    @Test
    void without_daily_data_the_warning_section_says_so() {
        String zh = new BulletinRenderer(Lang.ZH).render(minimal(List.of()));
        assertThat(zh).contains("本月尚无按日用量数据，未产生预警。", "本月暂无按日数据", "无记录");
        assertThat(zh).doesNotContain("id=\"chart-warnings\"", "id=\"chart-cities\"");
        String en = new BulletinRenderer(Lang.EN).render(minimal(List.of()));
        assertThat(en).contains("No daily usage this month yet; no early warnings.");
    }

    @Test
    void writes_the_rendered_document_as_utf8_and_renders_the_same_twice() throws Exception {
        Bulletin b = SampleBulletin.fujian(Lang.ZH);
        BulletinRenderer r = new BulletinRenderer(Lang.ZH);
        Path file = dir.resolve("out").resolve("通报.html");
        r.write(b, file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(r.render(b));
        assertThat(r.render(b)).isEqualTo(new BulletinRenderer(Lang.ZH).render(SampleBulletin.fujian(Lang.ZH)));
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    static Bulletin minimal(List<CountyTagCount> counties) {
        return new Bulletin("福建", LocalDate.of(2025, 6, 1), YearMonth.of(2025, 5), "r1",
                List.of(new TagSummary(Tag.HIGH_DATA, 10, 4, 6, 4, 6, 2, 8)), counties, List.of(),
                new EarlyWarningSummary(null, 30, List.of()), List.of(), 3_000, 0, Map.of());
    }

    static CountyTagCount county(String city, String county, Tag tag, long held, long evaluated) {
        return new CountyTagCount(city, county, tag, held, held, 0, 0, evaluated);
    }

    static String json(String html) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"bulletin-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void early_warning_totals_add_up_per_tag() {
        EarlyWarningSummary ew = new EarlyWarningSummary(LocalDate.of(2025, 6, 9), 30, List.of(
                new EarlyWarningCount("福州", "鼓楼区", Tag.HIGH_DATA, 1200, new BigDecimal("42000.50")),
                new EarlyWarningCount("福州", "台江区", Tag.HIGH_DATA, 300, new BigDecimal("9000.25")),
                new EarlyWarningCount("福州", "鼓楼区", Tag.HIGH_TARIFF, 7, new BigDecimal("245.00"))));
        Bulletin b = new Bulletin("福建", LocalDate.of(2025, 6, 10), YearMonth.of(2025, 5), "r1", List.of(), List.of(),
                List.of(), ew, List.of(), 100_000, 0, Map.of());
        String html = new BulletinRenderer(Lang.ZH).render(b);
        assertThat(ew.total()).isEqualTo(1507);
        assertThat(ew.day()).isEqualTo(9);
        assertThat(html).contains("<div class=\"kpi-value\">1,507</div>", "<div class=\"mini-value\">1,500</div>",
                "51,000.75 元", "预计超套费合计 51,245.75 元", "<td class=\"n\">42,245.50</td>");
    }
}
