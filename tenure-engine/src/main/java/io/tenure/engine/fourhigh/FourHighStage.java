package io.tenure.engine.fourhigh;

import io.tenure.core.billing.Contract;
import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;
import io.tenure.core.fourhigh.FourHighModel;
import io.tenure.core.fourhigh.MonthFigures;
import io.tenure.core.fourhigh.MonthlyBill;
import io.tenure.core.fourhigh.SubscriberMonth;
import io.tenure.core.fourhigh.Tag;
import io.tenure.core.fourhigh.TagHistory;
import io.tenure.core.fourhigh.TagSet;
import io.tenure.core.fourhigh.TagStatus;
import io.tenure.core.subscriber.VasSubscription;
import io.tenure.engine.duck.Duck;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * The four-high stage: streams every ACTIVE subscriber with the bills, usage and VAS of the months
 * evaluated out of the engine (merge-joined by sub_idx, each stream sorted), applies the core model,
 * and appends one row per (subscriber, tag) of month M to {@code fh_rows}. The work is split into
 * partitions by sub_idx, one engine connection and one thread each.
 */
public final class FourHighStage {
    private final DuckDBConnection conn;
    private final TariffBook book;
    private final FourHighModel model;
    private final List<YearMonth> months;
    private final int partitions;

    /**
     * @param months the months evaluated, ascending; the last is M
     */
    public FourHighStage(DuckDBConnection conn, TariffBook book, FourHighModel model, List<YearMonth> months, int partitions) {
        this.conn = conn;
        this.book = book;
        this.model = model;
        this.months = List.copyOf(months);
        this.partitions = Math.max(1, partitions);
    }

    /** Runs the stage; {@code progress} receives the number of subscribers done so far, in increments. */
    public FourHighResult run(LongConsumer progress) {
        Duck.exec(conn, """
                CREATE OR REPLACE TABLE fh_rows (sub_idx BIGINT, tag VARCHAR, level VARCHAR, movement VARCHAR,
                  total_fee BIGINT, tariff_fee BIGINT, data_overage_fee BIGINT, domestic BIGINT, min_spend_topup BIGINT,
                  vas_fee BIGINT, voice_min BIGINT, data_micro_mb BIGINT, voice_allowance BIGINT, data_allowance_mb BIGINT,
                  best_fit_plan_id VARCHAR, best_fit_cost BIGINT, idle_vas_count INTEGER, idle_vas_fee BIGINT)""");
        ExecutorService pool = Executors.newFixedThreadPool(partitions, r -> {
            Thread t = new Thread(r, "four-high");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FourHighResult>> parts = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                int part = p;
                parts.add(pool.submit(() -> runPartition(part, progress)));
            }
            FourHighResult total = FourHighResult.empty(months);
            for (Future<FourHighResult> f : parts) {
                total = total.plus(f.get());
            }
            return total;
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
        }
    }

    private FourHighResult runPartition(int part, LongConsumer progress) throws SQLException {
        String where = partitions == 1 ? "" : " AND sub_idx % " + partitions + " = " + part;
        String first = months.get(0).toString();
        String last = months.get(months.size() - 1).toString();
        String subsSql = "SELECT sub_idx, plan_id, addon_ids, activation_date - DATE '1970-01-01', contract_kind, "
                + "contract_end_date - DATE '1970-01-01', CAST(round(coalesce(min_spend, 0) * 100) AS BIGINT) "
                + "FROM subscribers WHERE status = 'ACTIVE'" + where + " ORDER BY sub_idx";
        String billsSql = "SELECT b.sub_idx, b.month, CAST(b.plan_fee * 100 AS BIGINT), CAST(b.addon_fee * 100 AS BIGINT), "
                + "CAST(b.voice_overage_fee * 100 AS BIGINT), CAST(b.data_overage_fee * 100 AS BIGINT), CAST(b.sms_fee * 100 AS BIGINT), "
                + "CAST(b.intl_roaming_fee * 100 AS BIGINT), CAST(b.idd_fee * 100 AS BIGINT), CAST(b.vas_fee * 100 AS BIGINT), "
                + "CAST(b.min_spend_topup * 100 AS BIGINT), CAST(b.discount * 100 AS BIGINT), CAST(b.total_fee * 100 AS BIGINT), "
                + "coalesce(u.voice_min, 0), coalesce(CAST(u.data_mb * 1000000 AS BIGINT), 0), coalesce(u.sms, 0) "
                + "FROM bills b LEFT JOIN usage u ON u.sub_idx = b.sub_idx AND u.month = b.month "
                + "WHERE b.month BETWEEN " + Duck.lit(first) + " AND " + Duck.lit(last)
                + (partitions == 1 ? "" : " AND b.sub_idx % " + partitions + " = " + part)
                + " ORDER BY b.sub_idx, b.month";
        String vasSql = "SELECT sub_idx, service_id, name, CAST(monthly_fee * 100 AS BIGINT), "
                + "subscribed_on - DATE '1970-01-01', uses_30d FROM vas WHERE monthly_fee > 0" + where + " ORDER BY sub_idx";
        Map<String, Integer> monthIndex = new HashMap<>();
        for (int i = 0; i < months.size(); i++) {
            monthIndex.put(months.get(i).toString(), i);
        }
        int n = months.size();
        int mIdx = n - 1;
        int m1 = months.indexOf(months.get(mIdx).minusMonths(1));
        int m2 = months.indexOf(months.get(mIdx).minusMonths(2));
        FourHighResult result = FourHighResult.empty(months);

        // results stream, and a connection holds one open result: one connection per cursor
        try (DuckDBConnection cs = conn.duplicate(); DuckDBConnection cb = conn.duplicate();
             DuckDBConnection cv = conn.duplicate(); DuckDBConnection ca = conn.duplicate();
             Statement s1 = cs.createStatement(); ResultSet subs = s1.executeQuery(subsSql);
             Statement s2 = cb.createStatement(); ResultSet bills = s2.executeQuery(billsSql);
             Statement s3 = cv.createStatement(); ResultSet vas = s3.executeQuery(vasSql);
             DuckDBAppender out = ca.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "fh_rows")) {
            boolean billRow = bills.next();
            boolean vasRow = vas.next();
            SubscriberMonth[] monthInputs = new SubscriberMonth[n];
            TagSet[] tags = new TagSet[n];
            List<VasSubscription> vasList = new ArrayList<>();
            long done = 0;
            while (subs.next()) {
                long sub = subs.getLong(1);
                Tariff tariff = book.tariff(subs.getString(2), subs.getString(3));
                LocalDate activation = LocalDate.ofEpochDay(subs.getLong(4));
                String kind = subs.getString(5);
                long endDay = subs.getLong(6);
                Contract contract = TariffBook.contract(kind, kind == null || subs.wasNull() ? null : LocalDate.ofEpochDay(endDay),
                        subs.getLong(7));
                vasList.clear();
                while (vasRow && vas.getLong(1) < sub) {
                    vasRow = vas.next();
                }
                while (vasRow && vas.getLong(1) == sub) {
                    long since = vas.getLong(5);
                    LocalDate subscribedOn = vas.wasNull() ? null : LocalDate.ofEpochDay(since);
                    vasList.add(new VasSubscription(vas.getString(2), vas.getString(3), vas.getLong(4), subscribedOn, vas.getLong(6)));
                    vasRow = vas.next();
                }
                List<VasSubscription> vasOfSub = vasList.isEmpty() ? List.of() : List.copyOf(vasList);
                java.util.Arrays.fill(monthInputs, null);
                java.util.Arrays.fill(tags, null);
                while (billRow && bills.getLong(1) < sub) {
                    billRow = bills.next(); // bills of subscribers that are not ACTIVE
                }
                while (billRow && bills.getLong(1) == sub) {
                    int i = monthIndex.get(bills.getString(2));
                    YearMonth month = months.get(i);
                    var bill = new MonthlyBill(month, bills.getLong(3), bills.getLong(4), bills.getLong(5), bills.getLong(6),
                            bills.getLong(7), bills.getLong(8), bills.getLong(9), bills.getLong(10), bills.getLong(11),
                            bills.getLong(12), bills.getLong(13));
                    var usage = new Usage(bills.getLong(14), bills.getLong(15), bills.getLong(16));
                    monthInputs[i] = new SubscriberMonth(month, activation, tariff, contract, bill, usage, vasOfSub);
                    tags[i] = model.evaluate(monthInputs[i]);
                    result.count(i, tags[i]);
                    billRow = bills.next();
                }
                if (tags[mIdx] == null) {
                    result.notEvaluatedInM++;
                } else {
                    List<TagStatus> statuses = TagHistory.classify(tags[mIdx], m1 < 0 ? null : tags[m1], m2 < 0 ? null : tags[m2]);
                    if (!statuses.isEmpty()) {
                        MonthFigures f = model.figures(monthInputs[mIdx]);
                        for (TagStatus st : statuses) {
                            append(out, sub, st, f);
                            result.count(st);
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

    private static void append(DuckDBAppender out, long sub, TagStatus st, MonthFigures f) throws SQLException {
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
        out.endRow();
    }

}
