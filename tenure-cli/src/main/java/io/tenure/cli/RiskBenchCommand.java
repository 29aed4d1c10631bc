package io.tenure.cli;

import io.tenure.engine.config.TenureConfig;
import io.tenure.engine.duck.Duck;
import io.tenure.engine.risk.RiskStage;
import io.tenure.engine.risk.RiskTraining;
import io.tenure.engine.run.Publisher;
import io.tenure.ingest.FeedLoader;
import io.tenure.ingest.IngestOptions;
import io.tenure.model.ChurnModel;
import io.tenure.report.Lang;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tenure bench-risk}: the port-out model's figures. Trains from the feeds of one generated province (every
 * cutoff's rows, leakage checks included), then scores every active subscriber of another (features from the feeds,
 * probability, band, reasons for the high and medium bands), each timed on its own after the feeds are loaded.
 */
@Command(name = "bench-risk", mixinStandardHelpOptions = true, description = "Benchmark training and scoring of the port-out model.")
final class RiskBenchCommand implements Callable<Integer> {
    @Option(names = "--train", defaultValue = "1000000", description = "Subscribers of the province to train on (default ${DEFAULT-VALUE}).")
    long train;
    @Option(names = "--score", defaultValue = "10000000", description = "Subscribers of the province to score (default ${DEFAULT-VALUE}).")
    long score;
    @Option(names = "--dir", defaultValue = "bench-data", description = "Work folder (default ${DEFAULT-VALUE}).")
    Path dir;
    @Option(names = "--skip-train", description = "Score with the model a previous run saved under <dir>/risk-model.")
    boolean skipTrain;
    @Option(names = "--as-of", defaultValue = "2026-11-21", description = "As-of date of the generated provinces (default ${DEFAULT-VALUE}).")
    LocalDate asOf;

    @Override
    public Integer call() throws Exception {
        var cfg = TenureConfig.defaults();
        Path model = dir.resolve("risk-model");
        Path trainData = skipTrain ? null : BenchCommand.province(dir, train, asOf);
        Path work = Files.createTempDirectory(dir, ".risk-");
        try {
            if (!skipTrain) {
                train(cfg, trainData, work, model);
            }
            Path scoreData = BenchCommand.province(dir, score, asOf);
            long bytes = io.tenure.engine.run.DailyRun.feedBytes(scoreData);
            Path db = cfg.engine().onDisk(bytes) ? work.resolve("score.duckdb") : null;
            try (var conn = Duck.open(db, work, cfg.engine().threads(), cfg.engine().memoryLimit());
                 ChurnModel m = ChurnModel.load(model)) {
                long t0 = System.nanoTime();
                new FeedLoader(conn, IngestOptions.defaults(work)).loadAll(scoreData);
                long t1 = System.nanoTime();
                var s = new RiskStage(conn, m, cfg.model().bands(), Lang.ZH).run(asOf);
                double secs = (System.nanoTime() - t1) / 1e9;
                System.out.printf(Locale.ROOT, "scoring: %,d subscribers, feeds loaded in %.1f s; %,d active scored in %.1f s"
                        + " (high %,d, with reasons; medium %,d; low %,d); of which the model (predictions, calibration, SHAP"
                        + " reasons) %.1f s, overlapping the features' query and reading%n", score, (t1 - t0) / 1e9, s.scored(), secs,
                        s.high(), s.medium(), s.low(), s.modelMillis() / 1000.0);
            }
        } finally {
            Publisher.deleteTree(work);
        }
        return 0;
    }

    private void train(TenureConfig cfg, Path trainData, Path work, Path model) throws Exception {
        try (var conn = Duck.open(work, cfg.engine().threads(), cfg.engine().memoryLimit())) {
            long t0 = System.nanoTime();
            new FeedLoader(conn, IngestOptions.defaults(work)).loadAll(trainData);
            long t1 = System.nanoTime();
            var r = RiskTraining.train(conn, asOf, cfg.model().training(), model);
            double secs = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "training: %,d subscribers, feeds loaded in %.1f s; %,d rows (cutoffs %s) with leakage"
                    + " checks, features, boosting and calibration in %.1f s%n", train, (t1 - t0) / 1e9, r.trainRows(),
                    r.trainCutoffs(), secs);
            System.out.printf(Locale.ROOT, "out-of-time test, cutoff %s, %,d rows: AUC %.4f, PR-AUC %.4f, top-decile lift %.2f%n",
                    r.testCutoff(), r.testRows(), r.test().get("auc"), r.test().get("pr_auc"), r.test().get("top_decile_lift"));
        }
    }
}
