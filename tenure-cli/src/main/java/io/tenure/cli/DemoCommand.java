package io.tenure.cli;

import io.tenure.engine.config.TenureConfig;
import io.tenure.engine.run.RunOptions;
import io.tenure.engine.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;

/** {@code tenure demo}: generate a province, run the daily job on it, say where the outputs are. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a synthetic province, run the daily job on it and print where the outputs are.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--subscribers", defaultValue = "50000", description = "Subscribers to generate (default ${DEFAULT-VALUE}).")
    long subscribers;
    @Option(names = "--dir", defaultValue = "demo", description = "Folder for the feeds (data/) and outputs (out/) (default ${DEFAULT-VALUE}).")
    Path dir;
    @Option(names = "--lang", defaultValue = "zh", description = "zh or en (default ${DEFAULT-VALUE}).")
    String lang;

    @Override
    public Integer call() {
        LocalDate asOf = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Path data = dir.resolve("data");
        System.err.printf("generating %,d subscribers into %s ...%n", subscribers, data.toAbsolutePath().normalize());
        GenerateCommand.generate(subscribers, 6, data, 20191127L, asOf, "csv", "utf-8", 1);
        System.err.println("running the daily job ...");
        RunResult r = RunCommand.run(new RunOptions(data, dir.resolve("out"), asOf, TenureConfig.defaults(),
                io.tenure.report.Lang.parse(lang)), System.err);
        RunCommand.printSummary(r, System.out);
        System.out.println("\nNext: open " + r.published().resolve("report.html").toAbsolutePath().normalize()
                + " in a browser; the county lists are under " + r.published().resolve("lists").toAbsolutePath().normalize()
                + "\nThe workbench: ./tenure serve" + (dir.equals(Path.of("demo")) ? "" : " --out " + dir.resolve("out"))
                + "  (then http://127.0.0.1:8080/; the first start prints the admin password)");
        return 0;
    }
}
