package io.tenure.engine.fourhigh;

import io.tenure.core.billing.Contract;
import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;
import io.tenure.core.advice.Advice;
import io.tenure.core.care.Care;
import io.tenure.core.care.CareCase;
import io.tenure.core.fourhigh.FourHighModel;
import io.tenure.core.fourhigh.Movement;
import io.tenure.core.fourhigh.MonthFigures;
import io.tenure.core.fourhigh.MonthlyBill;
import io.tenure.core.fourhigh.SubscriberMonth;
import io.tenure.core.fourhigh.TagHistory;
import io.tenure.core.fourhigh.TagSet;
import io.tenure.core.fourhigh.TagStatus;
import io.tenure.core.subscriber.VasSubscription;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.engine.duck.ArrowRows;
import io.tenure.engine.duck.ArrowRows.Column;
import io.tenure.engine.duck.Duck;
import org.duckdb.DuckDBConnection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

import static io.tenure.engine.duck.ArrowRows.Type.BIGINT;
import static io.tenure.engine.duck.ArrowRows.Type.INTEGER;
import static io.tenure.engine.duck.ArrowRows.Type.VARCHAR;

/**
 * The four-high stage: streams every ACTIVE subscriber with the bills, usage and VAS of the months
 * evaluated out of the engine (merge-joined by sub_idx, each stream sorted), applies the core model,
 * and appends one row per (subscriber, tag) of month M to {@code fh_rows}. The work is split into
 * ranges of sub_idx, worked by one thread per core. It reads {@code risk_rows} (scored by the risk stage before it,
 * or made empty) for the care channel of high-risk customers.
 */
public final class FourHighStage {
    private final DuckDBConnection conn;
    private final TariffBook book;
    private final FourHighModel model;
    private final List<YearMonth> months;
    private final int partitions;
    private final CareSetup care;
    private List<Tariff> tariffs;
    private List<String> kinds;
    private List<String[]> services;
    /** Subscribers per range: bounds the engine memory a range's results take (about 150 MB). */
    private static final long RANGE = 100_000;

    /**
     * @param months the months evaluated, ascending; the last is M
     */
    public FourHighStage(DuckDBConnection conn, TariffBook book, FourHighModel model, List<YearMonth> months, int partitions,
                         CareSetup care) {
        this.conn = conn;
        this.care = care;
        this.book = book;
        this.model = model;
        this.months = List.copyOf(months);
        this.partitions = Math.max(1, partitions);
    }

    /** Runs the stage; {@code progress} receives the number of subscribers done so far, in increments. */
    public FourHighResult run(LongConsumer progress) {
        ArrowRows.createTable(conn, "fh_rows", ROW_COLUMNS);
        ExecutorService pool = Executors.newFixedThreadPool(partitions, r -> {
            Thread t = new Thread(r, "four-high");
            t.setDaemon(true);
            return t;
        });
        // texts cost about a microsecond each through JDBC: tariffs and services travel as codes of small dictionaries
        Duck.exec(conn, "CREATE OR REPLACE TABLE fh_tariffs AS SELECT plan_id, addon_ids, contract_kind,"
                + " CAST(row_number() OVER (ORDER BY plan_id, addon_ids, contract_kind) - 1 AS INTEGER) AS code"
                + " FROM (SELECT DISTINCT plan_id, addon_ids, contract_kind FROM subscribers WHERE status = 'ACTIVE')");
        Duck.exec(conn, "CREATE OR REPLACE TABLE fh_services AS SELECT service_id, name,"
                + " CAST(row_number() OVER (ORDER BY service_id, name) - 1 AS INTEGER) AS code"
                + " FROM (SELECT DISTINCT service_id, name FROM vas WHERE monthly_fee > 0)");
        tariffs = new ArrayList<>();
        kinds = new ArrayList<>();
        services = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet r = st.executeQuery("SELECT plan_id, addon_ids, contract_kind FROM fh_tariffs ORDER BY code")) {
            while (r.next()) {
                tariffs.add(book.tariff(r.getString(1), r.getString(2)));
                kinds.add(r.getString(3));
            }
        } catch (SQLException e) {
            throw Duck.failure("fh_tariffs", e);
        }
        try (Statement st = conn.createStatement();
             ResultSet r = st.executeQuery("SELECT service_id, name FROM fh_services ORDER BY code")) {
            while (r.next()) {
                services.add(new String[]{r.getString(1), r.getString(2)});
            }
        } catch (SQLException e) {
            throw Duck.failure("fh_services", e);
        }
        List<ArrowRows> outputs = new ArrayList<>();
        try {
            // contiguous sub_idx ranges: each range's scans skip the other ranges' row groups, and its
            // results (materialised by the engine) stay small whatever the province's size
            long min = Duck.scalarLong(conn, "SELECT coalesce(min(sub_idx), 0) FROM subscribers");
            long max = Duck.scalarLong(conn, "SELECT coalesce(max(sub_idx), -1) FROM subscribers");
            List<Future<FourHighResult>> parts = new ArrayList<>();
            for (long lo = min; lo <= max; lo += RANGE) {
                long from = lo;
                long to = Math.min(max, lo + RANGE - 1);
                ArrowRows out = new ArrowRows(ROW_COLUMNS);
                outputs.add(out);
                parts.add(pool.submit(() -> runPartition(from, to, progress, out)));
            }
            FourHighResult total = FourHighResult.empty(months);
            // in sub_idx order, whichever partition finished first; each range's rows leave memory once inserted
            for (int i = 0; i < parts.size(); i++) {
                total = total.plus(parts.get(i).get());
                outputs.get(i).insertInto(conn, "fh_rows");
            }
            return total;
        } catch (SQLException e) {
            throw Duck.failure("fh_rows", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("four-high stage interrupted", e);
        } finally {
            pool.shutdownNow();
            outputs.forEach(ArrowRows::close);
        }
    }

    private FourHighResult runPartition(long lo, long hi, LongConsumer progress, ArrowRows out) throws SQLException {
        String range = " sub_idx BETWEEN " + lo + " AND " + hi;
        String inMonths = " month IN (" + months.stream().map(m -> Duck.lit(m.toString()))
                .collect(java.util.stream.Collectors.joining(", ")) + ") AND";
        // Four range scans sorted by (sub_idx[, month]) and merge-joined here: no join in the engine.
        // The sort is explicit because concurrent queries do not keep a table's stored order; the merge checks it.
        String subsSql = "SELECT s.sub_idx, t.code, s.activation_date - DATE '1970-01-01', "
                + "s.contract_end_date - DATE '1970-01-01', CAST(round(coalesce(s.min_spend, 0) * 100) AS BIGINT), "
                + "CAST(coalesce(list_position(" + VIP_LEVELS + ", s.vip_level), 0) AS INTEGER), "
                + "s.marketing_consent AND NOT coalesce(s.dnd, false), coalesce(rr.band = 'HIGH', false) "
                + "FROM subscribers s JOIN fh_tariffs t ON t.plan_id = s.plan_id AND t.addon_ids IS NOT DISTINCT FROM "
                + "s.addon_ids AND t.contract_kind IS NOT DISTINCT FROM s.contract_kind LEFT JOIN risk_rows rr ON rr.sub_idx = s.sub_idx WHERE s.status = 'ACTIVE' AND s."
                + range.strip() + " ORDER BY s.sub_idx";
        String monthNo = "CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1";
        String billsSql = "SELECT sub_idx, " + monthNo + ", CAST(plan_fee * 100 AS BIGINT), CAST(addon_fee * 100 AS BIGINT), "
                + "CAST(voice_overage_fee * 100 AS BIGINT), CAST(data_overage_fee * 100 AS BIGINT), CAST(sms_fee * 100 AS BIGINT), "
                + "CAST(intl_roaming_fee * 100 AS BIGINT), CAST(idd_fee * 100 AS BIGINT), CAST(vas_fee * 100 AS BIGINT), "
                + "CAST(min_spend_topup * 100 AS BIGINT), CAST(discount * 100 AS BIGINT), CAST(total_fee * 100 AS BIGINT) "
                + "FROM bills WHERE" + inMonths + range + " ORDER BY sub_idx, month";
        String usageSql = "SELECT sub_idx, " + monthNo + ", voice_min, CAST(data_mb * 1000000 AS BIGINT), sms FROM usage "
                + "WHERE" + inMonths + range + " ORDER BY sub_idx, month";
        String vasSql = "SELECT v.sub_idx, f.code, CAST(v.monthly_fee * 100 AS BIGINT), v.subscribed_on - DATE '1970-01-01', "
                + "v.uses_30d FROM vas v JOIN fh_services f ON f.service_id IS NOT DISTINCT FROM v.service_id AND f.name IS NOT "
                + "DISTINCT FROM v.name WHERE v.monthly_fee > 0 AND v." + range.strip() + " ORDER BY v.sub_idx";
        int firstMonthNo = monthNo(months.get(0));
        int[] monthIndex = new int[monthNo(months.get(months.size() - 1)) - firstMonthNo + 1];
        java.util.Arrays.fill(monthIndex, -1);
        for (int i = 0; i < months.size(); i++) {
            monthIndex[monthNo(months.get(i)) - firstMonthNo] = i;
        }
        int n = months.size();
        int mIdx = n - 1;
        int m1 = months.indexOf(months.get(mIdx).minusMonths(1));
        int m2 = months.indexOf(months.get(mIdx).minusMonths(2));
        FourHighResult result = FourHighResult.empty(months);

        // one connection per cursor, so that the four queries run side by side
        try (DuckDBConnection cs = conn.duplicate(); DuckDBConnection cb = conn.duplicate();
             DuckDBConnection cu = conn.duplicate(); DuckDBConnection cv = conn.duplicate();
             Statement s1 = cs.createStatement(); ResultSet subs = s1.executeQuery(subsSql);
             Statement s2 = cb.createStatement(); ResultSet billRs = s2.executeQuery(billsSql);
             Statement s3 = cu.createStatement(); ResultSet usageRs = s3.executeQuery(usageSql);
             Statement s4 = cv.createStatement(); ResultSet vasRs = s4.executeQuery(vasSql)) {
            Ordered bills = new Ordered(billRs, "bills", monthIndex, firstMonthNo);
            Ordered usage = new Ordered(usageRs, "usage", monthIndex, firstMonthNo);
            Ordered vas = new Ordered(vasRs, "vas", null, 0);
            SubscriberMonth[] monthInputs = new SubscriberMonth[n];
            TagSet[] tags = new TagSet[n];
            List<VasSubscription> vasList = new ArrayList<>();
            long done = 0;
            long previous = Long.MIN_VALUE;
            while (subs.next()) {
                long sub = subs.getLong(1);
                if (sub <= previous) {
                    throw Ordered.unordered("subscribers", sub, previous);
                }
                previous = sub;
                int code = subs.getInt(2);
                Tariff tariff = tariffs.get(code);
                LocalDate activation = LocalDate.ofEpochDay(subs.getLong(3));
                String kind = kinds.get(code);
                long endDay = subs.getLong(4);
                Contract contract = TariffBook.contract(kind, kind == null || subs.wasNull() ? null : LocalDate.ofEpochDay(endDay),
                        subs.getLong(5));
                vasList.clear();
                vas.skipBefore(sub);
                while (vas.at(sub)) {
                    ResultSet v = vas.rs;
                    long since = v.getLong(4);
                    LocalDate subscribedOn = v.wasNull() ? null : LocalDate.ofEpochDay(since);
                    String[] service = services.get(v.getInt(2));
                    vasList.add(new VasSubscription(service[0], service[1], v.getLong(3), subscribedOn, v.getLong(5)));
                    vas.advance();
                }
                List<VasSubscription> vasOfSub = vasList.isEmpty() ? List.of() : List.copyOf(vasList);
                java.util.Arrays.fill(monthInputs, null);
                java.util.Arrays.fill(tags, null);
                bills.skipBefore(sub); // bills of subscribers that are not ACTIVE
                usage.skipBefore(sub);
                while (bills.at(sub)) {
                    int i = bills.month;
                    ResultSet b = bills.rs;
                    YearMonth month = months.get(i);
                    var bill = new MonthlyBill(month, b.getLong(3), b.getLong(4), b.getLong(5), b.getLong(6),
                            b.getLong(7), b.getLong(8), b.getLong(9), b.getLong(10), b.getLong(11),
                            b.getLong(12), b.getLong(13));
                    while (usage.at(sub) && usage.month < i) {
                        usage.advance(); // usage of a month without a bill
                    }
                    Usage u = Usage.NONE;
                    if (usage.at(sub) && usage.month == i) {
                        u = new Usage(usage.rs.getLong(3), usage.rs.getLong(4), usage.rs.getLong(5));
                        usage.advance();
                    }
                    monthInputs[i] = new SubscriberMonth(month, activation, tariff, contract, bill, u, vasOfSub);
                    tags[i] = model.evaluate(monthInputs[i]);
                    result.count(i, tags[i]);
                    bills.advance();
                }
                if (tags[mIdx] == null) {
                    result.notEvaluatedInM++;
                } else {
                    List<TagStatus> statuses = TagHistory.classify(tags[mIdx], m1 < 0 ? null : tags[m1], m2 < 0 ? null : tags[m2]);
                    if (!statuses.isEmpty()) {
                        SubscriberMonth inM = monthInputs[mIdx];
                        MonthFigures f = model.figures(inM);
                        int vip = subs.getInt(6);
                        boolean noMarketing = !subs.getBoolean(7);
                        boolean highRisk = subs.getBoolean(8);
                        Advice advice = null;
                        boolean offered = false;
                        for (TagStatus st : statuses) {
                            Care c = null;
                            if (st.movement() != Movement.EXITED) {
                                if (advice == null) {
                                    advice = Advice.of(care.advisor(), tariff, contract, inM.monthEnd(),
                                            lastThree(monthInputs, m2, m1, mIdx), care.settings());
                                }
                                c = care.playbook().plan(CareCase.ofMonth(st.tag(), advice, inM,
                                        model.thresholds().silenceVasIdleDays(), VIP[vip], highRisk, noMarketing));
                                offered |= c.offer().isPresent();
                            }
                            append(out, sub, st, f, advice, c);
                            result.count(st);
                            result.cared(c);
                        }
                        if (offered) {
                            result.offered(advice);
                        }
                    }
                    if (m1 >= 0 && tags[m1] != null) {
                        result.heldLastMonth(tags[m1]);
                    }
                }
                if (++done % 65536 == 0) {
                    progress.accept(65536);
                }
            }
            progress.accept(done % 65536);
        }
        return result;
    }

    /** Usage of M−2, M−1 and M, those with a bill: the advisor's months. */
    private static List<Usage> lastThree(SubscriberMonth[] inputs, int m2, int m1, int m) {
        List<Usage> out = new ArrayList<>(3);
        for (int i : new int[]{m2, m1, m}) {
            if (i >= 0 && inputs[i] != null) {
                out.add(inputs[i].usage());
            }
        }
        return out;
    }

    private static final String[] VIP = {"NONE", "SILVER", "GOLD", "DIAMOND"};
    private static final String VIP_LEVELS = "['SILVER', 'GOLD', 'DIAMOND']";

    /** Months as consecutive integers, as the SQL above computes them. */
    private static int monthNo(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    /** A cursor over rows ordered by (sub_idx[, month]) that fails loudly when the order is broken. */
    private static final class Ordered {
        final ResultSet rs;
        final String table;
        final int[] monthIndex;
        final int firstMonthNo;
        boolean has;
        long sub;
        int month;

        Ordered(ResultSet rs, String table, int[] monthIndex, int firstMonthNo) throws SQLException {
            this.rs = rs;
            this.table = table;
            this.monthIndex = monthIndex;
            this.firstMonthNo = firstMonthNo;
            this.sub = Long.MIN_VALUE;
            this.month = -1;
            advance();
        }

        void advance() throws SQLException {
            has = rs.next();
            if (!has) {
                return;
            }
            long s = rs.getLong(1);
            int m = monthIndex == null ? 0 : monthIndex[rs.getInt(2) - firstMonthNo];
            if (s < sub || (s == sub && monthIndex != null && m <= month)) {
                throw unordered(table, s, sub);
            }
            sub = s;
            month = m;
        }

        boolean at(long s) {
            return has && sub == s;
        }

        void skipBefore(long s) throws SQLException {
            while (has && sub < s) {
                advance();
            }
        }

        static TenureException unordered(String table, long now, long before) {
            return new TenureException(ErrorCode.INTERNAL, "table " + table + " is not stored in sub_idx order (" + now + " after " + before
                    + "): ingestion must load it ordered");
        }
    }

    /** The columns of fh_rows, in the order {@link #append} writes them. */
    private static final List<Column> ROW_COLUMNS = List.of(new Column("sub_idx", BIGINT), new Column("tag", VARCHAR),
            new Column("level", VARCHAR), new Column("movement", VARCHAR), new Column("total_fee", BIGINT),
            new Column("tariff_fee", BIGINT), new Column("data_overage_fee", BIGINT), new Column("domestic", BIGINT),
            new Column("min_spend_topup", BIGINT), new Column("vas_fee", BIGINT), new Column("voice_min", BIGINT),
            new Column("data_micro_mb", BIGINT), new Column("voice_allowance", BIGINT),
            new Column("data_allowance_mb", BIGINT), new Column("best_fit_plan_id", VARCHAR),
            new Column("best_fit_cost", BIGINT), new Column("idle_vas_count", INTEGER), new Column("idle_vas_fee", BIGINT),
            new Column("care_action", VARCHAR), new Column("channel", VARCHAR), new Column("contact_allowed", VARCHAR),
            new Column("offer_kind", VARCHAR), new Column("offer_plan_id", VARCHAR), new Column("offer_pack_ids", VARCHAR),
            new Column("offer", VARCHAR), new Column("saving_by_month", VARCHAR), new Column("saving_avg", BIGINT),
            new Column("revenue_change", BIGINT), new Column("contract_change", VARCHAR), new Column("band_offer", VARCHAR),
            new Column("band_saving_avg", BIGINT), new Column("reason", VARCHAR), new Column("sms", VARCHAR),
            new Column("sms_segments", INTEGER), new Column("call_needs", VARCHAR),
            new Column("call_offer", VARCHAR));

    private static void append(ArrowRows out, long sub, TagStatus st, MonthFigures f, Advice advice, Care c) {
        out.beginRow();
        out.append(sub);
        out.append(st.tag().name());
        if (st.level() == null) {
            out.appendNull();
        } else {
            out.append(st.level().name());
        }
        out.append(st.movement().name());
        out.append(f.totalFee());
        out.append(f.tariffFee());
        out.append(f.dataOverageFee());
        out.append(f.domestic());
        out.append(f.minSpendTopup());
        out.append(f.vasFee());
        out.append(f.voiceUsed());
        out.append(f.dataUsedMicroMb());
        out.append(f.voiceAllowance());
        out.append(f.dataAllowanceMb());
        if (f.bestFitPlan() == null) {
            out.appendNull();
            out.appendNull();
        } else {
            out.append(f.bestFitPlan().id().value());
            out.append(f.bestFitCost());
        }
        out.append(f.idlePaidVasCount());
        out.append(f.idlePaidVasFee());
        CareColumns.append(out, advice, c);
        out.endRow();
    }

}
