package io.tenure.cli;

import io.tenure.core.fourhigh.FourHighModel;
import io.tenure.engine.bench.BaselineSql;
import io.tenure.engine.config.TenureConfig;
import io.tenure.engine.duck.Duck;
import io.tenure.engine.fourhigh.CareSetup;
import io.tenure.report.Lang;
import io.tenure.engine.fourhigh.FourHighStage;
import io.tenure.engine.fourhigh.TariffBook;
import io.tenure.engine.run.DailyRun;
import io.tenure.engine.run.Publisher;
import io.tenure.engine.run.RunOptions;
import io.tenure.engine.run.RunResult;
import io.tenure.ingest.FeedLoader;
import io.tenure.ingest.IngestOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tenure bench}: reproduces the README's figures. Generates a province (or reuses one), times the
 * whole daily run with the peak heap, then times the four-high stage and the plain-SQL baseline side by
 * side on the same loaded feeds, alternating, and checks that both give the same statuses.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark the daily run and the four-high stage.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--subscribers", defaultValue = "1000000", description = "Province size (default ${DEFAULT-VALUE}).")
    long subscribers;
    @Option(names = "--dir", defaultValue = "bench-data", description = "Work folder (default ${DEFAULT-VALUE}).")
    Path dir;
    @Option(names = "--repeat", defaultValue = "3", description = "Side-by-side repetitions (default ${DEFAULT-VALUE}).")
    int repeat;
    @Option(names = "--as-of", defaultValue = "2026-11-21", description = "As-of date of the generated province (default ${DEFAULT-VALUE}).")
    LocalDate asOf;
    @Option(names = "--skip-run", description = "Only the side-by-side stage comparison.")
    boolean skipRun;
    @Option(names = "--skip-compare", description = "Only the whole daily run.")
    boolean skipCompare;

    @Override
    public Integer call() throws Exception {
        Path data = province(dir, subscribers, asOf);
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (!skipRun) {
            resetPeaks();
            long t0 = System.nanoTime();
            // the daily run alone: publishing into the database is measured by bench-serve
            var noDb = new TenureConfig(null, null, null, null, null, null, new TenureConfig.Database(null, null, null, false));
            RunResult r = RunCommand.run(new RunOptions(data, dir.resolve("out"), asOf, noDb, null), System.err);
            double wall = (System.nanoTime() - t0) / 1e9;
            System.out.printf("daily run: %,d subscribers, %.1f s wall, peak heap %.2f GiB (max heap %.1f GiB), stages %s%n",
                    subscribers, wall, peakHeap() / (double) (1L << 30), maxHeap / (double) (1L << 30), r.timingsMs());
        }
        if (!skipCompare) {
            sideBySide(data);
        }
        return 0;
    }

    /** The benchmark province of n subscribers under dir, generated (6 months, the README's seed) when missing. */
    static Path province(Path dir, long n, LocalDate asOf) throws Exception {
        Path data = dir.resolve("data-" + n);
        if (!Files.isRegularFile(data.resolve("generator.json"))) {
            System.err.printf("generating %,d subscribers into %s ...%n", n, data);
            var g = GenerateCommand.generate(n, 6, data, 20191127L, asOf, "csv", "utf-8", 1);
            System.err.printf("generated in %.1f s%n", g.elapsed().toMillis() / 1000.0);
        }
        return data;
    }

    private void sideBySide(Path data) throws Exception {
        var cfg = TenureConfig.defaults();
        Path work = Files.createTempDirectory("tenure-bench");
        try (var conn = Duck.open(work, cfg.engine().threads(), cfg.engine().memoryLimit())) {
            new FeedLoader(conn, IngestOptions.defaults(work)).loadAll(data);
            YearMonth m = DailyRun.closedMonth(conn, asOf);
            List<YearMonth> months = DailyRun.monthsEvaluated(conn, m, cfg.engine().historyMonths());
            TariffBook book = TariffBook.load(conn);
            var t = cfg.fourHigh().thresholds();
            var model = new FourHighModel(book.catalog(), t);
            var care = CareSetup.of(book.catalog(), cfg.care(), Lang.ZH);
            io.tenure.engine.risk.RiskStage.createEmpty(conn); // the stage reads the risk scores: none here
            double[] engine = new double[repeat];
            double[] sql = new double[repeat];
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                new FourHighStage(conn, book, model, months, cfg.engine().threads(), care).run(n -> { });
                engine[i] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                BaselineSql.run(conn, months.get(0), m, t);
                sql[i] = (System.nanoTime() - t0) / 1e9;
            }
            long diff = Duck.scalarLong(conn, "SELECT count(*) FROM ((SELECT sub_idx, tag, level, movement FROM fh_rows "
                    + "EXCEPT ALL SELECT sub_idx, tag, level, movement FROM base_status) UNION ALL (SELECT sub_idx, tag, level, movement "
                    + "FROM base_status EXCEPT ALL SELECT sub_idx, tag, level, movement FROM fh_rows))");
            long rows = Duck.scalarLong(conn, "SELECT count(*) FROM fh_rows");
            Arrays.sort(engine);
            Arrays.sort(sql);
            double me = engine[repeat / 2];
            double ms = sql[repeat / 2];
            System.out.printf("four-high stage (core via engine): median %.2f s of %s%n", me, Arrays.toString(engine));
            System.out.printf("plain DuckDB SQL baseline:          median %.2f s of %s%n", ms, Arrays.toString(sql));
            System.out.printf("ratio stage/baseline: %.2f (target <= 1.5); %,d status rows, %d differ from the baseline%n",
                    me / ms, rows, diff);
        } finally {
            Publisher.deleteTree(work);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
