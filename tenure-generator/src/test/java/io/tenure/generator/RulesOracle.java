package io.tenure.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.tenure.generator.CsvTable.cents;
import static io.tenure.generator.CsvTable.microMb;

/**
 * Test-local, deliberately plain reading of rules §1 and §2 on the generated CSV files: an
 * independent check of what the generator claims to have planted.
 */
final class RulesOracle {
    enum Tag { HIGH_TARIFF, HIGH_DATA, HIGH_SILENCE, HIGH_ARPU }

    record PlanRow(String id, long fee, long voice, long dataMb, long sms, long voiceRate, long dataRate, long smsRate,
                   boolean published) {
    }

    final Map<String, PlanRow> plans = new HashMap<>();
    final Map<String, long[]> addons = new HashMap<>(); // fee, voice, data
    final Map<String, String[]> subscribers = new HashMap<>();
    final Map<String, Map<String, String[]>> bills = new HashMap<>();
    final Map<String, Map<String, String[]>> usage = new HashMap<>();
    final Map<String, List<String[]>> vas = new HashMap<>();
    final CsvTable subs;
    final CsvTable billTable;
    final CsvTable usageTable;
    final CsvTable vasTable;
    private final List<PlanRow> published = new ArrayList<>();

    RulesOracle(Path dir) {
        CsvTable p = CsvTable.read(dir.resolve("plans.csv"));
        for (String[] r : p.rows) {
            PlanRow pr = new PlanRow(p.get(r, "plan_id"), cents(p.get(r, "monthly_fee")), Long.parseLong(p.get(r, "voice_min")),
                    Long.parseLong(p.get(r, "data_mb")), Long.parseLong(p.get(r, "sms")), cents(p.get(r, "voice_rate")),
                    cents(p.get(r, "data_rate_per_gb")), cents(p.get(r, "sms_rate")), p.get(r, "published").equals("Y"));
            plans.put(pr.id(), pr);
            if (pr.published()) {
                published.add(pr);
            }
        }
        published.sort(Comparator.comparingLong(PlanRow::fee));
        CsvTable a = CsvTable.read(dir.resolve("addons.csv"));
        for (String[] r : a.rows) {
            addons.put(a.get(r, "addon_id"), new long[] {cents(a.get(r, "monthly_fee")),
                    Long.parseLong(a.get(r, "voice_min")), Long.parseLong(a.get(r, "data_mb"))});
        }
        subs = CsvTable.read(dir.resolve("subscribers.csv"));
        for (String[] r : subs.rows) {
            subscribers.put(subs.get(r, "subscriber_id"), r);
        }
        billTable = CsvTable.read(dir.resolve("bills.csv"));
        for (String[] r : billTable.rows) {
            bills.computeIfAbsent(billTable.get(r, "subscriber_id"), k -> new HashMap<>()).put(billTable.get(r, "month"), r);
        }
        usageTable = CsvTable.read(dir.resolve("usage.csv"));
        for (String[] r : usageTable.rows) {
            usage.computeIfAbsent(usageTable.get(r, "subscriber_id"), k -> new HashMap<>()).put(usageTable.get(r, "month"), r);
        }
        vasTable = CsvTable.read(dir.resolve("vas.csv"));
        for (String[] r : vasTable.rows) {
            vas.computeIfAbsent(vasTable.get(r, "subscriber_id"), k -> new ArrayList<>()).add(r);
        }
    }

    String s(String sid, String column) {
        return subs.get(subscribers.get(sid), column);
    }

    boolean evaluated(String sid, String month) {
        return s(sid, "status").equals("ACTIVE") && bills.getOrDefault(sid, Map.of()).containsKey(month);
    }

    long[] allowances(String sid) {
        PlanRow p = plans.get(s(sid, "plan_id"));
        long v = p.voice();
        long d = p.dataMb();
        String ids = s(sid, "addon_ids");
        if (!ids.isEmpty()) {
            for (String id : ids.split(";")) {
                v += addons.get(id)[1];
                d += addons.get(id)[2];
            }
        }
        return new long[] {v, d};
    }

    /** Plan-only cost of rules §1 on a month of usage. */
    static long planCost(PlanRow p, long voice, long dataMicro, long sms) {
        long excess = dataMicro - p.dataMb() * 1_000_000L;
        long gb = excess <= 0 ? 0 : (excess + 1024L * 1_000_000L - 1) / (1024L * 1_000_000L);
        return p.fee() + Math.max(0, voice - p.voice()) * p.voiceRate() + gb * p.dataRate()
                + Math.max(0, sms - p.sms()) * p.smsRate();
    }

    Set<Tag> tags(String sid, String month) {
        Set<Tag> t = EnumSet.noneOf(Tag.class);
        String[] b = bills.get(sid).get(month);
        String[] u = usage.getOrDefault(sid, Map.of()).get(month);
        long voice = u == null ? 0 : Long.parseLong(usageTable.get(u, "voice_min"));
        long data = u == null ? 0 : microMb(usageTable.get(u, "data_mb"));
        long sms = u == null ? 0 : Long.parseLong(usageTable.get(u, "sms"));
        LocalDate end = YearMonth.parse(month).atEndOfMonth();
        long sum = bill(b, "voice_overage_fee") + bill(b, "intl_roaming_fee") + bill(b, "idd_fee");
        if (sum >= 3000 && sum * 4 >= bill(b, "total_fee")) {
            t.add(Tag.HIGH_TARIFF);
        }
        if (bill(b, "data_overage_fee") >= 2000) {
            t.add(Tag.HIGH_DATA);
        }
        PlanRow plan = plans.get(s(sid, "plan_id"));
        long[] allow = allowances(sid);
        if (ChronoUnit.DAYS.between(LocalDate.parse(s(sid, "activation_date")), end) >= 90) {
            boolean silent = plan.voice() > 0 && plan.dataMb() > 0 && voice * 5 < allow[0] && data * 5 < allow[1] * 1_000_000L;
            for (String[] v : vas.getOrDefault(sid, List.of())) {
                if (cents(vasTable.get(v, "monthly_fee")) > 0 && vasTable.get(v, "uses_30d").equals("0")
                        && !LocalDate.parse(vasTable.get(v, "subscribed_on")).isAfter(end.minusDays(60))) {
                    silent = true;
                }
            }
            if (silent) {
                t.add(Tag.HIGH_SILENCE);
            }
        }
        long domestic = bill(b, "plan_fee") + bill(b, "addon_fee") + bill(b, "voice_overage_fee")
                + bill(b, "data_overage_fee") + bill(b, "sms_fee") + bill(b, "min_spend_topup");
        boolean arpu = bill(b, "min_spend_topup") >= 2000 || bill(b, "vas_fee") >= 3000;
        if (!arpu && domestic >= 10000) {
            String kind = s(sid, "contract_kind");
            String endDate = s(sid, "contract_end_date");
            boolean active = !kind.isEmpty() && !LocalDate.parse(endDate).isBefore(end);
            long best = Long.MAX_VALUE;
            for (PlanRow q : published) {
                if (active && (kind.equals("HANDSET") || kind.equals("BUNDLE")) && q.fee() < plan.fee()) {
                    continue;
                }
                long c = planCost(q, voice, data, sms);
                if (active && kind.equals("MIN_SPEND")) {
                    c = Math.max(c, cents(s(sid, "min_spend")));
                }
                best = Math.min(best, c);
            }
            arpu = best != Long.MAX_VALUE && best * 10 <= domestic * 6;
        }
        if (arpu) {
            t.add(Tag.HIGH_ARPU);
        }
        return t;
    }

    long bill(String[] b, String column) {
        return cents(billTable.get(b, column));
    }
}
