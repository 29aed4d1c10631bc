package io.tenure.report.bulletin;

import io.tenure.core.fourhigh.Tag;
import io.tenure.report.Lang;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A realistic, deterministic province bulletin (Fujian, nine cities) for tests and the sample file. */
final class SampleBulletin {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 10);
    static final YearMonth MONTH = YearMonth.of(2025, 5);

    private static final Map<String, List<String>> FUJIAN = new LinkedHashMap<>();

    static {
        FUJIAN.put("福州", List.of("鼓楼区", "台江区", "仓山区", "晋安区", "马尾区", "长乐区", "闽侯县", "福清市"));
        FUJIAN.put("厦门", List.of("思明区", "湖里区", "集美区", "海沧区", "同安区", "翔安区"));
        FUJIAN.put("莆田", List.of("城厢区", "涵江区", "荔城区", "秀屿区", "仙游县"));
        FUJIAN.put("三明", List.of("三元区", "沙县区", "永安市", "尤溪县"));
        FUJIAN.put("泉州", List.of("鲤城区", "丰泽区", "洛江区", "晋江市", "石狮市", "南安市", "惠安县", "安溪县"));
        FUJIAN.put("漳州", List.of("芗城区", "龙文区", "龙海区", "漳浦县", "云霄县"));
        FUJIAN.put("南平", List.of("延平区", "建阳区", "建瓯市", "武夷山市"));
        FUJIAN.put("龙岩", List.of("新罗区", "永定区", "上杭县", "长汀县"));
        FUJIAN.put("宁德", List.of("蕉城区", "福安市", "福鼎市", "霞浦县"));
    }

    private static final Map<Tag, Double> SHARE = Map.of(
            Tag.HIGH_TARIFF, 0.014, Tag.HIGH_DATA, 0.041, Tag.HIGH_SILENCE, 0.058, Tag.HIGH_ARPU, 0.027);

    private SampleBulletin() {
    }

    /** The sample with threshold labels in the given language. */
    static Bulletin fujian(Lang lang) {
        Random rnd = new Random(20250610L);
        List<CountyTagCount> counties = new ArrayList<>();
        List<EarlyWarningCount> warnings = new ArrayList<>();
        Map<Tag, long[]> sums = new EnumMap<>(Tag.class);
        long evaluated = 0;
        for (Map.Entry<String, List<String>> city : FUJIAN.entrySet()) {
            for (String county : city.getValue()) {
                String name = county;
                long eval = 18_000 + rnd.nextInt(160_000);
                evaluated += eval;
                for (Tag t : Tag.values()) {
                    long held = Math.round(eval * SHARE.get(t) * (0.6 + rnd.nextDouble() * 0.8));
                    long entered = Math.round(held * (0.25 + rnd.nextDouble() * 0.2));
                    long stayed = held - entered;
                    long exited = Math.round(held * (0.2 + rnd.nextDouble() * 0.25));
                    counties.add(new CountyTagCount(city.getKey(), name, t, held, entered, stayed, exited, eval));
                    long[] s = sums.computeIfAbsent(t, k -> new long[4]);
                    s[0] += held;
                    s[1] += entered;
                    s[2] += stayed;
                    s[3] += exited;
                }
                for (Tag t : List.of(Tag.HIGH_DATA, Tag.HIGH_TARIFF)) {
                    long n = Math.round(eval * (t == Tag.HIGH_DATA ? 0.006 : 0.002) * (0.3 + rnd.nextDouble() * 1.4));
                    BigDecimal fee = BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(28 + rnd.nextInt(2500) / 100.0))
                            .setScale(2, RoundingMode.HALF_UP);
                    warnings.add(new EarlyWarningCount(city.getKey(), name, t, n, fee));
                }
            }
        }
        List<TagSummary> tags = new ArrayList<>();
        for (Tag t : Tag.values()) {
            long[] s = sums.get(t);
            long newLevel = Math.round(s[1] * 0.82);
            tags.add(new TagSummary(t, s[0], newLevel, s[0] - newLevel, s[1], s[2], s[3], s[2] + s[3]));
        }
        List<TrendPoint> trend = new ArrayList<>();
        for (int i = 5; i >= 0; i--) {
            YearMonth ym = MONTH.minusMonths(i);
            long eval = i == 0 ? evaluated : Math.round(evaluated * (0.97 + 0.006 * (5 - i)));
            for (Tag t : Tag.values()) {
                long held = i == 0 ? sums.get(t)[0]
                        : Math.round(sums.get(t)[0] * (1.12 - 0.025 * (5 - i)) * (0.97 + rnd.nextDouble() * 0.06));
                trend.add(new TrendPoint(ym, t, held, eval));
            }
        }
        List<FeedCount> feeds = List.of(
                new FeedCount("subscribers", 3_912_448, 3_911_902, 546,
                        Map.of("msisdn 格式错误", 402L, "plan_id 不在资费目录", 131L, "入网日期晚于数据日期", 13L)),
                new FeedCount("bills", 11_520_117, 11_518_640, 1_477,
                        Map.of("金额为负", 1_210L, "subscriber_id 不存在", 260L, "账期格式错误", 7L)),
                new FeedCount("usage_monthly", 11_498_300, 11_498_300, 0, Map.of()),
                new FeedCount("usage_daily", 35_102_774, 34_302_120, 800_654,
                        Map.of("日期不在本月", 799_980L, "流量为负", 674L)),
                new FeedCount("vas", 2_204_315, 2_204_290, 25, Map.of("业务编码不存在", 25L)));
        Map<String, String> thresholds = new LinkedHashMap<>();
        if (lang == Lang.ZH) {
            thresholds.put("高资费：语音超套+漫游+国际", "≥ 30.00 元，且占账单 ≥ 25%");
            thresholds.put("高流量：流量超套费", "≥ 20.00 元");
            thresholds.put("高沉默：在网时长", "≥ 90 天");
            thresholds.put("高沉默：语音、流量使用率", "均 < 20%");
            thresholds.put("高ARPU：国内消费 / 最优套餐", "≥ 100.00 元，最优套餐 ≤ 60%");
            thresholds.put("高ARPU：保底补差 / 增值业务费", "≥ 20.00 元 / ≥ 30.00 元");
        } else {
            thresholds.put("High tariff: voice overage + roaming + IDD", ">= 30.00 CNY and >= 25% of the bill");
            thresholds.put("High data: data overage fee", ">= 20.00 CNY");
            thresholds.put("High silence: tenure", ">= 90 days");
            thresholds.put("High silence: voice and data usage", "both < 20%");
            thresholds.put("High ARPU: domestic spend / best-fit plan", ">= 100.00 CNY, best fit <= 60%");
            thresholds.put("High ARPU: minimum-spend top-up / VAS fee", ">= 20.00 CNY / >= 30.00 CNY");
        }
        EarlyWarningSummary ew = new EarlyWarningSummary(LocalDate.of(2025, 6, 9), 30, warnings);
        return new Bulletin("福建", AS_OF, MONTH, "20250610-0200-fj", tags, counties, trend, ew, feeds, evaluated,
                18_734, thresholds, new CareSummary(412_305, 1_987_654_321L, -1_987_654_321L, 120_000, -1_500_000_000L,
                java.util.Map.of(io.tenure.core.care.CareAction.DATA_PACK, 300_000L, io.tenure.core.care.CareAction.VAS_REVIEW, 90_000L),
                java.util.Map.of(io.tenure.core.care.Channel.SMS, 350_000L, io.tenure.core.care.Channel.CALL, 40_000L), 21_000),
                new RiskSummary(34_000_000, 310_000, 1_200_000, 32_490_000, List.of(new RiskSummary.County("三明市", "永安市", 8_100,
                        30_200, 560_000)), List.of(new RiskSummary.Reason("异网通话占比", 201_000),
                        new RiskSummary.Reason("合约到期", 150_500))),
                new io.tenure.core.perception.Drivers.Fit(List.of(new io.tenure.core.perception.Drivers.Effect("high_data", -1.52,
                        -1.61, -1.43, 0.05), new io.tenure.core.perception.Drivers.Effect("tenure_years", 0.01, -0.02, 0.04, 1.0)),
                        120_345, 0.31));
    }
}
