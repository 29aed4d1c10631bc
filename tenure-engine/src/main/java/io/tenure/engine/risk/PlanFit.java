package io.tenure.engine.risk;

import io.tenure.core.billing.BestFit;
import io.tenure.core.billing.Contract;
import io.tenure.core.billing.Usage;
import io.tenure.core.catalog.Catalog;
import io.tenure.core.catalog.Plan;
import io.tenure.model.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan-fit feature: the last closed month's domestic spend less the cost of the cheapest published plan for its
 * usage, by the core's bill simulation (rules §1, best fit without packs or contract), from the helper columns the
 * feature query gives ({@link #COLUMNS}).
 */
final class PlanFit {
    /** Domestic spend (yuan), voice minutes, data MB and messages of the last closed month. */
    static final List<String> COLUMNS = List.of("pf_domestic", "pf_voice", "pf_data_mb", "pf_sms");
    static final String FEATURE = "plan_fit_saving";
    private final BestFit bestFit;
    private final Plan anyPlan;

    PlanFit(Catalog catalog) {
        this.bestFit = new BestFit(catalog);
        this.anyPlan = catalog.publishedPlansByFee().isEmpty() ? null : catalog.publishedPlansByFee().get(0);
    }

    /** The saving in yuan, NaN without a bill in the month or a published plan. */
    double saving(double domestic, double voice, double dataMb, double sms) {
        if (Double.isNaN(domestic) || anyPlan == null) {
            return Double.NaN;
        }
        Usage u = new Usage(Math.round(voice), Math.round(dataMb * Usage.MICROS_PER_MB), Math.round(sms));
        return bestFit.find(anyPlan, u, Contract.NONE, LocalDate.EPOCH).map(r -> domestic - r.costCents() / 100.0)
                .orElse(Double.NaN);
    }

    /** The table with its plan-fit column computed and the helper columns left out. */
    Table fill(Table t) {
        int n = t.rows();
        double[] d = t.numbers(COLUMNS.get(0));
        double[] v = t.numbers(COLUMNS.get(1));
        double[] m = t.numbers(COLUMNS.get(2));
        double[] s = t.numbers(COLUMNS.get(3));
        double[] saving = new double[n];
        for (int i = 0; i < n; i++) {
            saving[i] = saving(d[i], v[i], m[i], s[i]);
        }
        List<String> names = new ArrayList<>();
        Map<String, double[]> numbers = new LinkedHashMap<>();
        Map<String, String[]> texts = new LinkedHashMap<>();
        for (String c : t.names()) {
            if (COLUMNS.contains(c)) {
                continue;
            }
            names.add(c);
            if (c.equals(FEATURE)) {
                numbers.put(c, saving);
            } else if (t.numeric(c)) {
                numbers.put(c, t.numbers(c));
            } else {
                texts.put(c, t.texts(c));
            }
        }
        return new Table(names, numbers, texts, n);
    }
}
