package io.tenure.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generated data sets shared by the tests of one JVM: each distinct options set is generated once
 * into a temporary folder removed at exit.
 */
final class Fixtures {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);
    private static final Path ROOT;
    private static final Map<String, Path> CACHE = new HashMap<>();
    private static final Map<String, CsvTable> TABLES = new HashMap<>();

    static {
        try {
            ROOT = Files.createTempDirectory("tenure-generator-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(ROOT)));
    }

    private Fixtures() {
    }

    /** A fresh, empty folder. */
    static Path newFolder(String name) {
        try {
            return Files.createTempDirectory(ROOT, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GeneratorOptions options(long subscribers) {
        return GeneratorOptions.defaults(ROOT).withSubscribers(subscribers).withAsOf(AS_OF);
    }

    /** The data set most statistical tests read: 10,000 lines, 6 months, as of 2026-11-21. */
    static synchronized Path standard() {
        return generated("standard", options(10_000));
    }

    static synchronized Path generated(String key, GeneratorOptions o) {
        return CACHE.computeIfAbsent(key, k -> {
            Path dir = newFolder(k);
            new ProvinceGenerator(o.withOut(dir)).generate();
            return dir;
        });
    }

    /** A feed of the standard data set, parsed once. */
    static synchronized CsvTable standard(String feed) {
        return TABLES.computeIfAbsent(feed, f -> CsvTable.read(standard().resolve(f + ".csv")));
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
