package io.tenure.generator;

import io.tenure.core.catalog.Plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything shared by all workers of one run, immutable once built: the calendar of the history
 * window, the catalogue, the region, and every fixed text already encoded in the output charset.
 */
final class World {
    final GeneratorOptions options;
    final long subscribers;
    final long seed;
    final ProvinceCatalog catalog;
    final FourHighRules rules;
    final NumberPlan numbers;
    final DateText dates;
    final Encoder encoder;

    /** Closed months 0..n-1 of the window, then index n = the as-of month (month to date). */
    final int months;
    final long[] monthStart;
    final long[] monthEnd;
    final int[] daysInMonth;
    final LocalDate[] monthEndDate;
    final byte[][] monthField;
    final int[] yyyymm;
    final long windowStart;
    /** The as-of date T as an epoch day; history ends at T - 1. */
    final long asOf;
    /** Days of the as-of month before T (rows of usage_daily per line). */
    final int dailyDays;

    final double[] countyCum;
    final byte[][] cityField;
    final byte[][] countyField;
    final byte[][] countyCode;
    final byte[][] cityShort;
    final boolean[] migrantHub;
    final int[] groupsPerCounty;
    final byte[][] migrantCodes;

    final double[] surnameCum;
    final byte[][] surnames;
    final byte[][] maleChars;
    final byte[][] femaleChars;
    final byte[][] companyWords;
    final byte[][] industries;
    final byte[] companySuffix;

    final byte[][] planField;
    final byte[][] comboField;
    /** [plan][combo]: index of a published plan at ≤ 55% of the fixed fee, for planted overpaying; -1 if none. */
    final int[][] arpuTarget;

    final byte[][] serviceId;
    final byte[][] serviceName;
    final long[] serviceFee;
    final byte[][] categories;
    final byte[][][] complaintTexts;
    final byte[][] portReasons;
    final byte[][] retainReasons;
    final byte[][] queryFailReasons;
    final byte[][] campaignCodes;
    final byte[][] campaignActions;

    World(GeneratorOptions o) {
        options = o;
        subscribers = o.subscribers();
        seed = o.seed();
        catalog = new ProvinceCatalog();
        rules = new FourHighRules(catalog.catalog);
        numbers = new NumberPlan(o.seed());
        // CSV for Parquet is an intermediate: always UTF-8
        encoder = new Encoder(o.format() == OutputFormat.CSV ? o.encoding() : java.nio.charset.StandardCharsets.UTF_8);
        LocalDate t = o.asOf();
        dates = new DateText(t.minusYears(100), t.plusYears(12));
        asOf = t.toEpochDay();
        months = o.months();
        dailyDays = t.getDayOfMonth() - 1;
        monthStart = new long[months + 1];
        monthEnd = new long[months + 1];
        daysInMonth = new int[months + 1];
        monthEndDate = new LocalDate[months + 1];
        monthField = new byte[months + 1][];
        yyyymm = new int[months + 1];
        YearMonth current = YearMonth.from(t);
        for (int k = 0; k <= months; k++) {
            YearMonth ym = current.minusMonths(months - k);
            monthStart[k] = ym.atDay(1).toEpochDay();
            monthEnd[k] = ym.atEndOfMonth().toEpochDay();
            daysInMonth[k] = ym.lengthOfMonth();
            monthEndDate[k] = ym.atEndOfMonth();
            monthField[k] = encoder.field(ym.toString());
            yyyymm[k] = ym.getYear() * 100 + ym.getMonthValue();
        }
        windowStart = monthStart[0];

        List<Region.County> counties = Region.COUNTIES;
        double[] w = new double[counties.size()];
        cityField = new byte[w.length][];
        countyField = new byte[w.length][];
        countyCode = new byte[w.length][];
        cityShort = new byte[w.length][];
        migrantHub = new boolean[w.length];
        groupsPerCounty = new int[w.length];
        double total = counties.stream().mapToInt(Region.County::population).sum();
        for (int i = 0; i < w.length; i++) {
            Region.County c = counties.get(i);
            w[i] = c.population();
            cityField[i] = encoder.field(c.city());
            countyField[i] = encoder.field(c.name());
            countyCode[i] = encoder.raw(c.code());
            cityShort[i] = encoder.raw(Region.shortCity(c.city()));
            migrantHub[i] = c.city().equals("厦门市") || c.city().equals("泉州市");
            // about 9% of lines sit in enterprise groups of ~30 lines on average
            groupsPerCounty[i] = (int) Math.max(1, Math.round(subscribers * (c.population() / total) * 0.09 / 30.0));
        }
        countyCum = Rng.cumulative(w);
        migrantCodes = encoder.raws(Region.MIGRANT_CODES);

        surnameCum = Rng.cumulative(Names.SURNAME_WEIGHTS);
        surnames = encoder.raws(Names.SURNAMES);
        maleChars = encoder.raws(Names.MALE_CHARS);
        femaleChars = encoder.raws(Names.FEMALE_CHARS);
        companyWords = encoder.raws(Names.COMPANY_WORDS);
        industries = encoder.raws(Names.INDUSTRIES);
        companySuffix = encoder.raw("有限公司");

        List<Plan> plans = catalog.plans;
        planField = new byte[plans.size()][];
        for (int p = 0; p < plans.size(); p++) {
            planField[p] = encoder.field(plans.get(p).id().value());
        }
        comboField = new byte[catalog.combos.length][];
        for (int k = 1; k < comboField.length; k++) {
            StringBuilder sb = new StringBuilder();
            for (int a : catalog.combos[k]) {
                sb.append(sb.length() == 0 ? "" : ";").append(catalog.addons.get(a).id().value());
            }
            comboField[k] = encoder.field(sb.toString());
        }
        arpuTarget = new int[plans.size()][catalog.combos.length];
        for (int p = 0; p < plans.size(); p++) {
            for (int k = 0; k < comboField.length; k++) {
                long fixed = catalog.tariffs[p][k].fixedFeeCents();
                int best = -1;
                for (int q : catalog.publishedByFee) {
                    Plan qp = plans.get(q);
                    if (fixed >= FourHighRules.ARPU_DOMESTIC_MIN_CENTS && qp.voiceMin() > 0
                            && 100 * qp.monthlyFeeCents() <= 55 * fixed) {
                        best = q; // ordered by fee: keeps the dearest that still fits
                    }
                }
                arpuTarget[p][k] = best;
            }
        }

        List<Vocabulary.Service> services = Vocabulary.SERVICES;
        serviceId = new byte[services.size()][];
        serviceName = new byte[services.size()][];
        serviceFee = new long[services.size()];
        for (int s = 0; s < services.size(); s++) {
            serviceId[s] = encoder.field(services.get(s).id());
            serviceName[s] = encoder.field(services.get(s).name());
            serviceFee[s] = services.get(s).feeCents();
        }
        categories = encoder.fields(Vocabulary.CATEGORIES);
        complaintTexts = new byte[Vocabulary.COMPLAINT_TEXTS.size()][][];
        for (int c = 0; c < complaintTexts.length; c++) {
            complaintTexts[c] = encoder.fields(Vocabulary.COMPLAINT_TEXTS.get(c));
        }
        portReasons = encoder.fields(Vocabulary.PORT_REASONS);
        retainReasons = encoder.fields(Vocabulary.RETAIN_REASONS);
        queryFailReasons = encoder.fields(Vocabulary.QUERY_FAIL_REASONS);
        campaignCodes = new byte[Vocabulary.CAMPAIGNS.size()][];
        campaignActions = new byte[Vocabulary.CAMPAIGNS.size()][];
        for (int c = 0; c < campaignCodes.length; c++) {
            campaignCodes[c] = encoder.raw(Vocabulary.CAMPAIGNS.get(c)[0]);
            campaignActions[c] = encoder.field(Vocabulary.CAMPAIGNS.get(c)[1]);
        }
    }
}
