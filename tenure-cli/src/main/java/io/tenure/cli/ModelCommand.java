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
            description = "Train gradient-boosted trees on a flat table (--csv, --target) and save them with their schema,"
                    + " calibration, training-data fingerprint and validation metrics.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--csv", required = true, description = "Training table: a CSV file with a header line.")
        Path csv;
        @Option(names = "--target", required = true, description = "The column to learn (yes/no, true/false, 1/0, PORT_OUT).")
        String target;
        @Option(names = "--out", required = true, description = "Folder to save the model into.")
        Path out;
        @Option(names = "--config", description = "tenure.yaml: the model: section sets the training settings.")
        Path config;

        @Override
        public Integer call() {
            var settings = TenureConfig.load(config).model().training();
            long t0 = System.nanoTime();
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
