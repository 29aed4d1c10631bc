package io.tenure.generator;

import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.Plan;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Generates a synthetic Fujian province: every feed of the data contract for the requested number
 * of subscribers and months, streaming line by line with a small heap. Same options and seed give
 * byte-identical files. See GENERATOR.md for the generating process and the planted effects.
 */
public final class ProvinceGenerator {
    private static final long PROGRESS_EVERY = 1 << 14;

    private final GeneratorOptions options;

    public ProvinceGenerator(GeneratorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Generates every feed into the output folder. */
    public GenerationReport generate() {
        return generate(n -> { });
    }

    /**
     * Generates every feed, reporting the number of lines written so far to {@code progress} from
     * time to time (possibly from worker threads, with increasing values).
     */
    public GenerationReport generate(LongConsumer progress) {
        Objects.requireNonNull(progress, "progress");
        long started = System.nanoTime();
        World w = new World(options);
        Path out = options.out();
        prepare(out);
        boolean parquet = options.format() == OutputFormat.PARQUET;
        Path csvDir = parquet ? out.resolve(".tenure-scratch") : out;
        try {
            Map<Feed, Long> rows = new EnumMap<>(Feed.class);
            rows.put(Feed.PLANS, writePlans(csvDir, w));
            rows.put(Feed.ADDONS, writeAddons(csvDir, w));
            Truth truth = writeLines(csvDir, w, rows, progress);
            if (parquet) {
                ParquetWriter.convert(csvDir, out, options.parts() > 1 ? options.parts() : 0);
            }
            Map<String, Long> perFeed = new LinkedHashMap<>();
            for (Feed f : Feed.values()) {
                perFeed.put(f.fileName(), rows.getOrDefault(f, 0L));
            }
            writeManifest(out, w, perFeed, truth);
            return new GenerationReport(out, perFeed, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            if (parquet) {
                deleteTree(csvDir);
            }
        }
    }

    private Truth writeLines(Path dir, World w, Map<Feed, Long> rows, LongConsumer progress) {
        int parts = options.parts();
        long n = options.subscribers();
        AtomicLong done = new AtomicLong();
        if (parts == 1) {
            Truth truth = new Truth(w.months);
            try (Sinks sinks = new Sinks(dir, -1, w)) {
                runRange(w, sinks, truth, 0, n, done, progress);
                addRows(rows, sinks);
            }
            progress.accept(n);
            return truth;
        }
        int threads = Math.max(1, Math.min(parts, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tenure-generator");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Object[]>> futures = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                long from = n * p / parts;
                long to = n * (p + 1) / parts;
                int part = p;
                futures.add(pool.submit(() -> {
                    Truth truth = new Truth(w.months);
                    try (Sinks sinks = new Sinks(dir, part, w)) {
                        runRange(w, sinks, truth, from, to, done, progress);
                        return new Object[] {truth, sinks};
                    }
                }));
            }
            Truth total = new Truth(w.months);
            for (Future<Object[]> f : futures) {
                Object[] r = f.get();
                total.merge((Truth) r[0]);
                addRows(rows, (Sinks) r[1]);
            }
            progress.accept(n);
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenureException(ErrorCode.INTERNAL, "generation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TenureException te) {
                throw te;
            }
            throw new TenureException(ErrorCode.INTERNAL, "generation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runRange(World w, Sinks sinks, Truth truth, long from, long to, AtomicLong done,
                                 LongConsumer progress) {
        LineSynth synth = new LineSynth(w, sinks, truth);
        for (long i = from; i < to; i++) {
            synth.generate(i);
            if (((i - from + 1) & (PROGRESS_EVERY - 1)) == 0) {
                progress.accept(done.addAndGet(PROGRESS_EVERY));
            }
        }
        done.addAndGet((to - from) & (PROGRESS_EVERY - 1));
    }

    private static void addRows(Map<Feed, Long> rows, Sinks sinks) {
        sinks.all().forEach((feed, sink) -> rows.merge(feed, sink.rows(), Long::sum));
    }

    private static long writePlans(Path dir, World w) {
        Encoder e = w.encoder;
        try (CsvSink s = new CsvSink(dir.resolve("plans.csv"), Feed.PLANS.columnNames(), e, w.dates)) {
            for (Plan p : w.catalog.plans) {
                s.bytes(e.field(p.id().value())).bytes(e.field(p.name())).money(p.monthlyFeeCents()).num(p.voiceMin())
                        .num(p.dataMb()).num(p.sms()).money(p.voiceRateCents()).money(p.dataRatePerGbCents())
                        .money(p.smsRateCents()).bytes(e.field(p.network().label())).flag(p.published());
                s.end();
            }
            return s.rows();
        }
    }

    private static long writeAddons(Path dir, World w) {
        Encoder e = w.encoder;
        try (CsvSink s = new CsvSink(dir.resolve("addons.csv"), Feed.ADDONS.columnNames(), e, w.dates)) {
            for (Addon a : w.catalog.addons) {
                s.bytes(e.field(a.id().value())).bytes(e.field(a.name())).bytes(e.field(a.kind().name()))
                        .money(a.monthlyFeeCents()).num(a.voiceMin()).num(a.dataMb()).flag(a.published());
                s.end();
            }
            return s.rows();
        }
    }

    /** Creates the folder and removes earlier outputs of the feeds (only those), so no stale part file survives. */
    private static void prepare(Path out) {
        try {
            Files.createDirectories(out);
            for (Feed f : Feed.values()) {
                Files.deleteIfExists(out.resolve(f.fileName() + ".csv"));
                Files.deleteIfExists(out.resolve(f.fileName() + ".parquet"));
                Path dir = out.resolve(f.fileName());
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path p : files.toList()) {
                            String name = p.getFileName().toString();
                            if (name.startsWith("part-") && (name.endsWith(".csv") || name.endsWith(".parquet"))) {
                                Files.delete(p);
                            }
                        }
                    }
                    try (Stream<Path> left = Files.list(dir)) {
                        if (left.findAny().isEmpty()) {
                            Files.delete(dir);
                        }
                    }
                }
            }
            Files.deleteIfExists(out.resolve("generator.json"));
            deleteTree(out.resolve(".tenure-scratch"));
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot prepare output folder " + out + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    /** generator.json: the options, rows per feed and the ground truth. No timing, so reruns are identical. */
    private void writeManifest(Path out, World w, Map<String, Long> rows, Truth t) {
        Json j = new Json();
        j.open();
        j.field("generator", "tenure-generator");
        j.key("options").open();
        j.field("subscribers", options.subscribers());
        j.field("months", options.months());
        j.field("seed", options.seed());
        j.field("asOf", options.asOf().toString());
        j.field("format", options.format().name());
        j.field("encoding", options.format() == OutputFormat.CSV ? options.encoding().name() : "UTF-8");
        j.field("parts", options.parts());
        j.close();
        j.key("window").open();
        j.key("months").array();
        for (int k = 0; k < w.months; k++) {
            j.value(ym(w, k));
        }
        j.closeArray();
        j.field("dailyFrom", w.dailyDays == 0 ? null : LocalDate.ofEpochDay(w.monthStart[w.months]).toString());
        j.field("dailyTo", w.dailyDays == 0 ? null : LocalDate.ofEpochDay(w.asOf - 1).toString());
        j.close();
        j.key("rowsPerFeed").open();
        rows.forEach(j::field);
        j.close();
        j.key("truth").open();
        j.key("status").open();
        String[] status = {"ACTIVE", "SUSPENDED", "LOST", "CANCELLED"};
        for (int s = 0; s < 4; s++) {
            j.field(status[s], t.status[s]);
        }
        j.close();
        j.key("fourHigh").open();
        for (int k = 0; k < w.months; k++) {
            j.key(ym(w, k)).open();
            j.field("evaluated", t.evaluated[k]);
            for (int tag = 0; tag < 4; tag++) {
                j.field(FourHighRules.NAMES[tag], t.tags[k][tag]);
            }
            j.close();
        }
        j.close();
        j.field("latestMonth", ym(w, w.months - 1));
        j.key("latestMonthDetail").open();
        for (int tag = 0; tag < 4; tag++) {
            j.key(FourHighRules.NAMES[tag]).open();
            j.field("planted", t.plantedLatest[tag]);
            j.field("plantedAndFound", t.plantedFound[tag]);
            j.field("found", t.tags[w.months - 1][tag]);
            j.field("entered", t.entered[tag]);
            j.field("stayed", t.stayed[tag]);
            j.field("exited", t.exited[tag]);
            j.field("persistent", t.persistent[tag]);
            j.close();
        }
        j.close();
        j.key("earlyWarnings").open();
        j.field("evaluated", t.earlyWarningEvaluated);
        j.field("HIGH_DATA", t.earlyWarningData);
        j.field("HIGH_TARIFF", t.earlyWarningTariff);
        j.close();
        j.key("portability").open();
        j.key("linesAtRiskPerMonth").open();
        for (int k = 0; k <= w.months; k++) {
            j.field(ym(w, k), t.atRisk[k]);
        }
        j.close();
        j.key("portOutsPerMonth").open();
        for (int k = 0; k <= w.months; k++) {
            j.field(ym(w, k), t.portOuts[k]);
        }
        j.close();
        j.field("attempts", t.portAttempts);
        j.field("retained", t.retained);
        j.field("blockedByEligibility", t.blockedQueries);
        j.field("voluntaryCancellations", t.cancellations);
        j.key("hazardLogit").open();
        j.field("intercept", LineSynth.H0);
        j.field("offnetShare", LineSynth.H_OFFNET);
        j.field("rivalHotlineCallsCapped5", LineSynth.H_RIVAL);
        j.field("unresolvedComplaint90d", LineSynth.H_UNRESOLVED);
        j.field("contractEndWithin90dBeforeTo30dAfter", LineSynth.H_CONTRACT);
        j.field("anyFourHighTag", LineSynth.H_FOURHIGH);
        j.field("tenureUnder365d", LineSynth.H_NEW);
        j.field("retainedShare", LineSynth.RETAINED);
        j.close();
        j.close();
        j.close();
        j.close();
        try {
            Files.writeString(out.resolve("generator.json"), j.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot write generator.json: " + e.getMessage(), e);
        }
    }

    private static String ym(World w, int k) {
        int v = w.yyyymm[k];
        return v / 100 + "-" + (v % 100 < 10 ? "0" : "") + v % 100;
    }
}
