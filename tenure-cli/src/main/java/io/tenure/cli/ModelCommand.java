package io.tenure.cli;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.engine.config.TenureConfig;
import io.tenure.model.ChurnModel;
import io.tenure.model.Evaluation;
import io.tenure.model.Table;
import io.tenure.model.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tenure model}: train and evaluate the port-out model. */
@Command(name = "model", mixinStandardHelpOptions = true, description = "Train and evaluate the port-out risk model.",
        subcommands = {ModelCommand.Train.class, ModelCommand.Evaluate.class})
final class ModelCommand {

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train gradient-boosted trees from the contract's feeds (--data: features as of several cutoffs,"
                    + " label PORT_OUT within 90 days, leakage checked, the latest cutoff held out as a test) or from a flat"
                    + " table (--csv, --target), and save them with their schema, calibration, training-data fingerprint"
                    + " and metrics.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--data", description = "Folder of feeds (see the data contract).")
        Path data;
        @Option(names = "--as-of", description = "With --data: the day the feeds run to (default: today, Asia/Shanghai).")
        java.time.LocalDate asOf;
        @Option(names = "--csv", description = "Training table: a CSV file with a header line.")
        Path csv;
        @Option(names = "--target", description = "With --csv: the column to learn (yes/no, true/false, 1/0, PORT_OUT).")
        String target;
        @Option(names = "--out", required = true, description = "Folder to save the model into.")
        Path out;
        @Option(names = "--config", description = "tenure.yaml: the model: section sets the training settings.")
        Path config;

        @Override
        public Integer call() throws java.io.IOException {
            var settings = TenureConfig.load(config).model().training();
            long t0 = System.nanoTime();
            if ((data == null) == (csv == null)) {
                throw new TenureException(ErrorCode.INVALID_ARGUMENT, "give either --data <feeds-dir> or --csv <file> --target <column>");
            }
            if (data != null) {
                return fromFeeds(settings, t0);
            }
            if (target == null) {
                throw new TenureException(ErrorCode.INVALID_ARGUMENT, "--csv needs --target: the column to learn");
            }
            Table table = Table.readCsv(csv);
            try (ChurnModel model = new Trainer(settings).train(table, target)) {
                model.save(out);
                var m = model.meta();
                System.out.printf(Locale.ROOT, "trained on %d rows (%d positive), %d features, %d trees in %.1f s%n", m.rows(),
                        m.positives(), m.schema().features().size(), m.rounds(), (System.nanoTime() - t0) / 1e9);
                m.validation().forEach((k, v) -> System.out.printf(Locale.ROOT, "validation %s %.4f%n", k, v));
                if (!m.schema().ignored().isEmpty()) {
                    System.out.println("left out (too many distinct values to be categories): " + m.schema().ignored());
                }
                System.out.println("saved: " + out);
            }
            return 0;
        }

        private int fromFeeds(io.tenure.model.TrainConfig settings, long t0) throws java.io.IOException {
            var day = asOf == null ? java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) : asOf;
            java.nio.file.Files.createDirectories(out);
            Path work = java.nio.file.Files.createTempDirectory(out, ".work-");
            var engine = TenureConfig.load(config).engine();
            try (var conn = io.tenure.engine.duck.Duck.open(work, engine.threads(), engine.memoryLimit())) {
                new io.tenure.ingest.FeedLoader(conn, io.tenure.ingest.IngestOptions.defaults(work)).loadAll(data);
                long t1 = System.nanoTime();
                var r = io.tenure.engine.risk.RiskTraining.train(conn, day, settings, out);
                System.out.printf(Locale.ROOT, "loaded the feeds in %.1f s; trained on cutoffs %s (%d rows) in %.1f s%n",
                        (t1 - t0) / 1e9, r.trainCutoffs(), r.trainRows(), (System.nanoTime() - t1) / 1e9);
                System.out.printf(Locale.ROOT, "out-of-time test, cutoff %s (%d rows): AUC %.4f, PR-AUC %.4f, accuracy %.4f,"
                                + " top-decile lift %.2f%n", r.testCutoff(), r.testRows(), r.test().get("auc"), r.test().get("pr_auc"),
                        r.test().get("accuracy"), r.test().get("top_decile_lift"));
                System.out.println("saved: " + out + " (evaluation report: " + out.resolve("evaluation/report.html") + ")");
            } catch (java.sql.SQLException e) {
                throw new TenureException(ErrorCode.ENGINE_FAILURE, "embedded engine failed: " + e.getMessage(), e);
            } finally {
                io.tenure.engine.run.Publisher.deleteTree(work);
            }
            return 0;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Measure a saved model on a labelled table: prints AUC, PR-AUC, accuracy and top-decile lift, writes"
                    + " metrics.json, calibration.csv, thresholds.csv and report.html.")
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "A folder written by `tenure model train`.")
        Path model;
        @Option(names = "--csv", required = true, description = "Labelled table with the model's columns.")
        Path csv;
        @Option(names = "--target", description = "The label column (default: the one the model learnt).")
        String target;
        @Option(names = "--out", required = true, description = "Folder for the evaluation report.")
        Path out;

        @Override
        public Integer call() {
            try (ChurnModel m = ChurnModel.load(model)) {
                if (target != null && !target.equals(m.schema().target())) {
                    throw new TenureException(ErrorCode.INVALID_ARGUMENT, "the model learnt '" + m.schema().target()
                            + "', not '" + target + "'; evaluate it on that column");
                }
                Evaluation e = Evaluation.of(m, Table.readCsv(csv));
                e.print(System.out);
                e.write(out);
                System.out.println("report: " + out.resolve("report.html"));
            }
            return 0;
        }
    }
}
