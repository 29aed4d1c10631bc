package io.tenure.cli;

import io.tenure.core.fourhigh.Tag;
import io.tenure.engine.config.TenureConfig;
import io.tenure.engine.run.DailyRun;
import io.tenure.engine.run.RunOptions;
import io.tenure.engine.run.RunResult;
import io.tenure.engine.run.RunSink;
import io.tenure.store.Store;
import io.tenure.store.publish.DatabasePublish;
import io.tenure.report.Lang;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tenure run}: the daily job. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Load the feeds, apply the four-high model and daily tracking, publish lists and the bulletin.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Folder of feeds (see the data contract).")
    Path data;
    @Option(names = "--out", required = true, description = "Output folder; results go to <out>/<as-of>/.")
    Path out;
    @Option(names = "--as-of", description = "Run date T (default: today, Asia/Shanghai).")
    LocalDate asOf;
    @Option(names = "--config", description = "tenure.yaml with thresholds and settings (default: the rules' defaults).")
    Path config;
    @Option(names = "--lang", description = "Language of lists and bulletin: zh (default) or en.")
    String lang;
    @Option(names = "--reject-limit", description = "Fail when a feed rejects more than this share of its rows (default 0.01).")
    Double rejectLimit;
    @Option(names = "--encoding", description = "CSV encoding: auto (default), utf-8 or gbk.")
    String encoding;

    @Override
    public Integer call() {
        TenureConfig cfg = TenureConfig.load(config);
        if (rejectLimit != null || encoding != null) {
            cfg = new TenureConfig(cfg.fourHigh(), new TenureConfig.Ingest(
                    rejectLimit != null ? rejectLimit : cfg.ingest().rejectLimit(),
                    encoding != null ? encoding : cfg.ingest().encoding()), cfg.engine(), cfg.output(), cfg.care(), cfg.model(),
                    cfg.database());
        }
        RunResult r = run(new RunOptions(data, out, asOf, cfg, lang == null ? null : Lang.parse(lang)), System.err);
        printSummary(r, System.out);
        return 0;
    }

    static RunResult run(RunOptions options, PrintStream err) {
        long t0 = System.nanoTime();
        RunResult r = new DailyRun(options, new ConsoleProgress(err), sinks(options)).run();
        err.printf("  %-28s %7.1f s%n", "total", (System.nanoTime() - t0) / 1e9);
        return r;
    }

    /** The operations database, unless the configuration turns publishing off. */
    static List<RunSink> sinks(RunOptions options) {
        var db = options.config().database();
        return db.publish() ? List.of(new DatabasePublish(store(db, options.out()))) : List.of();
    }

    /** The configured database, or the embedded default under the output folder. */
    static Store store(TenureConfig.Database db, Path out) {
        return new Store(db.urlFor(out), db.user(), db.password());
    }

    static void printSummary(RunResult r, PrintStream out) {
        var fh = r.fourHigh();
        out.println();
        out.printf("Tenure daily run  as-of %s  month %s%n", r.asOf(), r.month());
        out.println("-".repeat(64));
        out.printf("%-14s %10s %10s %10s%n", "feed", "read", "loaded", "rejected");
        for (var f : r.ingest().feeds()) {
            out.printf("%-14s %,10d %,10d %,10d%n", f.feed(), f.read(), f.loaded(), f.rejected());
        }
        out.println("-".repeat(64));
        out.printf("evaluated %,d subscribers (%,d active without a bill in %s)%n", fh.evaluated(r.month()),
                fh.notEvaluatedInM(), r.month());
        out.printf("%-14s %8s %8s %8s %8s %8s%n", "tag", "held", "entered", "stayed", "exited", "return%");
        for (Tag t : Tag.values()) {
            long last = fh.heldLastMonth(t);
            long exited = fh.movement(t, io.tenure.core.fourhigh.Movement.EXITED);
            out.printf("%-14s %,8d %,8d %,8d %,8d %7.1f%%%n", t.name(), fh.held(r.month(), t),
                    fh.movement(t, io.tenure.core.fourhigh.Movement.ENTERED), fh.movement(t, io.tenure.core.fourhigh.Movement.STAYED),
                    exited, last == 0 ? 0.0 : 100.0 * exited / last);
        }
        var ew = r.earlyWarnings();
        out.printf("early warnings: %,d (tracked through %s)%n", ew.warnings(), ew.trackedThrough() == null ? "-" : ew.trackedThrough());
        out.println("-".repeat(64));
        out.println("outputs: " + r.published().toAbsolutePath().normalize());
        out.println("  four_high.csv / four_high.parquet, early_warning.csv, lists/<city>/<county>.xlsx,");
        out.println("  report.html (open in a browser), summary.json, rejects/<feed>.csv");
    }
}
