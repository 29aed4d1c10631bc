package io.tenure.cli;

import io.tenure.generator.GenerationReport;
import io.tenure.generator.GeneratorOptions;
import io.tenure.generator.OutputFormat;
import io.tenure.generator.ProvinceGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tenure generate}: a synthetic province with every feed of the data contract. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a synthetic province (all feeds of the data contract) into a folder.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--subscribers", defaultValue = "100000", description = "Number of subscribers (default ${DEFAULT-VALUE}).")
    long subscribers;
    @Option(names = "--months", defaultValue = "6", description = "Closed months of history (default ${DEFAULT-VALUE}).")
    int months;
    @Option(names = "--out", required = true, description = "Folder to write the feeds into.")
    Path out;
    @Option(names = "--seed", defaultValue = "20191127", description = "Random seed; same seed, same files (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--as-of", description = "History ends the day before this date (default: today).")
    LocalDate asOf;
    @Option(names = "--format", defaultValue = "csv", description = "csv or parquet (default ${DEFAULT-VALUE}).")
    String format;
    @Option(names = "--encoding", defaultValue = "utf-8", description = "CSV encoding: utf-8 or gbk (default ${DEFAULT-VALUE}).")
    String encoding;
    @Option(names = "--parts", defaultValue = "1", description = "Part files per large feed (default ${DEFAULT-VALUE}).")
    int parts;

    @Override
    public Integer call() {
        GenerationReport r = generate(subscribers, months, out, seed, asOf, format, encoding, parts);
        System.out.printf("generated %,d subscribers in %.1f s into %s%n", subscribers, r.elapsed().toMillis() / 1000.0,
                r.out().toAbsolutePath().normalize());
        r.rowsPerFeed().forEach((feed, rows) -> System.out.printf("  %-12s %,12d rows%n", feed, rows));
        return 0;
    }

    static GenerationReport generate(long subscribers, int months, Path out, long seed, LocalDate asOf, String format,
                                     String encoding, int parts) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(ZoneId.of("Asia/Shanghai"));
        OutputFormat f = OutputFormat.valueOf(format.toUpperCase(Locale.ROOT));
        return new ProvinceGenerator(new GeneratorOptions(subscribers, months, out, seed, date, f,
                GeneratorOptions.parseEncoding(encoding), parts)).generate();
    }
}
