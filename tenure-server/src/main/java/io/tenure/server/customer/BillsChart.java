package io.tenure.server.customer;

import io.tenure.server.customer.Customer360.Month;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The bills trend as the page's chart reads it: months, each bill component per month (discount negative, so the
 * stack nets to the total) and the total, with the series names in the page's language.
 */
record BillsChart(List<String> months, Map<String, List<BigDecimal>> components, List<BigDecimal> total,
                  Map<String, String> labels) {
    /** Bill components in stacking order, each with its reader. */
    static final Map<String, Function<Month, BigDecimal>> COMPONENTS = readers();

    BillsChart {
        months = List.copyOf(months);
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
        total = total.stream().map(v -> v == null ? BigDecimal.ZERO : v).toList();
        labels = Map.copyOf(labels);
    }

    static BillsChart of(List<Month> months, Function<String, String> label) {
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        COMPONENTS.forEach((key, read) -> {
            List<BigDecimal> values = months.stream().map(read).map(v -> v == null ? BigDecimal.ZERO : v).toList();
            if (values.stream().anyMatch(v -> v.signum() != 0)) { // components never billed are left out of the chart
                series.put(key, values);
                labels.put(key, label.apply(key));
            }
        });
        labels.put("total_fee", label.apply("total_fee"));
        return new BillsChart(months.stream().map(Month::month).toList(), series,
                months.stream().map(Month::totalFee).toList(), labels);
    }

    private static Map<String, Function<Month, BigDecimal>> readers() {
        Map<String, Function<Month, BigDecimal>> m = new LinkedHashMap<>();
        m.put("plan_fee", Month::planFee);
        m.put("addon_fee", Month::addonFee);
        m.put("voice_overage_fee", Month::voiceOverageFee);
        m.put("data_overage_fee", Month::dataOverageFee);
        m.put("sms_fee", Month::smsFee);
        m.put("intl_roaming_fee", Month::intlRoamingFee);
        m.put("idd_fee", Month::iddFee);
        m.put("vas_fee", Month::vasFee);
        m.put("min_spend_topup", Month::minSpendTopup);
        m.put("discount", x -> x.discount() == null ? null : x.discount().negate());
        return java.util.Collections.unmodifiableMap(m);
    }
}
