package io.tenure.engine.run;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.EarlyWarningRule;
import io.tenure.core.fourhigh.FourHighModel;
import io.tenure.engine.duck.Duck;
import io.tenure.engine.fourhigh.CareSetup;
import io.tenure.engine.fourhigh.EarlyWarningStage;
import io.tenure.engine.fourhigh.FourHighResult;
import io.tenure.engine.fourhigh.FourHighStage;
import io.tenure.engine.fourhigh.TariffBook;
import io.tenure.engine.risk.RiskStage;
import io.tenure.model.ChurnModel;
import io.tenure.engine.publish.OutputWriter;
import io.tenure.ingest.Encoding;
import io.tenure.ingest.FeedLoader;
import io.tenure.ingest.IngestOptions;
import io.tenure.ingest.IngestResult;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The daily job: load and validate the feeds, apply the four-high model and daily tracking, write every
 * output into a staging folder and publish it by rename. Nothing is published unless every stage succeeds.
 */
public final class DailyRun {
    private final RunOptions o;
    private final Progress progress;
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private final List<RunSink> sinks;

    public DailyRun(RunOptions options, Progress progress) {
        this(options, progress, List.of());
    }

    /** A run that also publishes into the given sinks (the operations database) before publishing its files. */
    public DailyRun(RunOptions options, Progress progress, List<RunSink> sinks) {
        this.o = options;
        this.progress = progress;
        this.sinks = List.copyOf(sinks);
    }

    public RunResult run() {
        if (!Files.isDirectory(o.data())) {
            throw new TenureException(ErrorCode.FEED_MISSING, "data folder " + o.data() + " does not exist: check --data");
        }
        var engine = o.config().engine();
        try (Publisher publisher = new Publisher(o.out(), o.asOf())) {
            Path staging = publisher.staging();
            Path work = staging.resolve(".work");
            Files.createDirectories(work);
            RunResult result;
            Path database = engine.onDisk(feedBytes(o.data())) ? work.resolve("feeds.duckdb") : null;
            try (DuckDBConnection conn = Duck.open(database, work, engine.threads(), engine.memoryLimit())) {
                IngestResult ingest = load(conn, work);
                YearMonth m = closedMonth(conn, o.asOf());
                List<YearMonth> months = monthsEvaluated(conn, m, engine.historyMonths());
                TariffBook book = TariffBook.load(conn);
                var thresholds = o.config().fourHigh().thresholds();
                var model = new FourHighModel(book.catalog(), thresholds);
                var care = CareSetup.of(book.catalog(), o.config().care(), o.lang());

                long active = Duck.scalarLong(conn, "SELECT count(*) FROM subscribers WHERE status = 'ACTIVE'");
                long t0 = System.nanoTime();
                RiskStage.Result risk = RiskStage.Result.NONE;
                if (o.config().model().modelDir() != null) {
                    progress.stage("port-out risk", -1);
                    try (ChurnModel churn = ChurnModel.load(o.config().model().modelDir())) {
                        risk = new RiskStage(conn, churn, o.config().model().bands(), o.lang()).run(o.asOf());
                    }
                    progress.done();
                    timings.put("risk", ms(t0));
                } else {
                    RiskStage.createEmpty(conn);
                }
                progress.stage("four-high " + m, active);
                t0 = System.nanoTime();
                FourHighResult fh = new FourHighStage(conn, book, model, months, engine.threads(), care).run(progress::step);
                progress.done();
                timings.put("four_high", ms(t0));

                progress.stage("daily tracking", -1);
                t0 = System.nanoTime();
                var ew = new EarlyWarningStage(conn, book, new EarlyWarningRule(thresholds), care.playbook()).run(o.asOf());
                progress.done();
                timings.put("daily_tracking", ms(t0));

                var writer = new OutputWriter(conn, staging, o, m, timings, progress);
                long rows = writer.writeAll(ingest, fh, ew, risk, thresholds, care.playbook().commonScript());
                for (RunSink sink : sinks) {
                    t0 = System.nanoTime();
                    sink.publish(new RunSink.Context(conn, staging, work, o.asOf(), m, progress));
                    timings.put(sink.name(), ms(t0));
                }
                result = new RunResult(publisher.target(), o.asOf(), m, ingest, fh, ew, risk, rows, Map.copyOf(timings));
            } catch (java.sql.SQLException e) {
                throw new TenureException(ErrorCode.ENGINE_FAILURE, "embedded engine failed: " + e.getMessage(), e);
            }
            Publisher.deleteTree(work);
            publisher.publish();
            return result;
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot write outputs under " + o.out() + ": " + e.getMessage(), e);
        }
    }

    /** Bytes of the files in the data folder. */
    public static long feedBytes(Path data) throws IOException {
        try (var files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private IngestResult load(DuckDBConnection conn, Path work) throws IOException {
        var ingestCfg = o.config().ingest();
        var options = new IngestOptions(encoding(ingestCfg.encoding()), ingestCfg.rejectLimit(), work);
        progress.stage("load and validate feeds", -1);
        long t0 = System.nanoTime();
        try {
            IngestResult r = new FeedLoader(conn, options).loadAll(o.data());
            timings.put("load", ms(t0));
            return r;
        } catch (TenureException e) {
            if (e.code() == ErrorCode.REJECT_LIMIT_EXCEEDED) {
                // keep the evidence: the rejects of the failed run go beside the outputs, the outputs stay as they were
                Path failed = o.out().resolve("failed-" + o.asOf());
                Publisher.deleteTree(failed);
                OutputWriter.writeRejects(conn, failed.resolve("rejects"));
                throw new TenureException(e.code(), e.getMessage() + "\nRejected rows of this run: " + failed.resolve("rejects")
                        + "\nNothing was published; the previous outputs of " + o.asOf() + " are unchanged.", e);
            }
            throw e;
        } finally {
            progress.done();
        }
    }

    /** auto, utf-8 or gbk (gb18030). */
    public static Encoding encoding(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "auto" -> Encoding.AUTO;
            case "utf-8", "utf8" -> Encoding.UTF8;
            case "gbk", "gb18030" -> Encoding.GBK;
            default -> throw new TenureException(ErrorCode.INVALID_CONFIG, "encoding '" + name + "' is not auto, utf-8 or gbk");
        };
    }

    /** M: the latest month in the loaded bills before the as-of date's month. */
    public static YearMonth closedMonth(DuckDBConnection conn, java.time.LocalDate asOf) {
        String before = YearMonth.from(asOf).toString();
        String m = Duck.scalarString(conn, "SELECT max(month) FROM bills WHERE month < " + Duck.lit(before));
        if (m == null) {
            throw new TenureException(ErrorCode.NO_BILLING_MONTH, "bills hold no month before " + before
                    + ": the four-high model needs at least one closed month; check the bills feed or --as-of");
        }
        return YearMonth.parse(m);
    }

    /** The months of the loaded bills within the history window ending at M, ascending. */
    public static List<YearMonth> monthsEvaluated(DuckDBConnection conn, YearMonth m, int history) {
        List<YearMonth> months = new ArrayList<>();
        String from = m.minusMonths(history - 1L).toString();
        String sql = "SELECT DISTINCT month FROM bills WHERE month BETWEEN " + Duck.lit(from) + " AND " + Duck.lit(m.toString())
                + " ORDER BY month";
        try (var s = conn.createStatement(); var r = s.executeQuery(sql)) {
            while (r.next()) {
                months.add(YearMonth.parse(r.getString(1)));
            }
        } catch (java.sql.SQLException e) {
            throw Duck.failure(sql, e);
        }
        return months;
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
