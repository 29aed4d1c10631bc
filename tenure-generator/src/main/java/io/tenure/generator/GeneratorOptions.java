package io.tenure.generator;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Options of a generation run. Null object arguments take their defaults: as-of today in
 * Asia/Shanghai, CSV, UTF-8.
 *
 * @param subscribers number of subscribers (lines), 1 to {@value #MAX_SUBSCRIBERS}
 * @param months      closed billing months of history before the as-of month, 1 to {@value #MAX_MONTHS}
 * @param out         data folder to write into (created when missing; existing feed files are replaced)
 * @param seed        random seed: the same options and seed give byte-identical files
 * @param asOf        run date T: history ends the day before; the subscriber snapshot is as of T
 * @param format      CSV or Parquet
 * @param encoding    CSV encoding: UTF-8, GBK or GB18030 (Parquet is always UTF-8)
 * @param parts       part files per big feed; 1 writes {@code <out>/<feed>.csv}, more write
 *                    {@code <out>/<feed>/part-00000.csv} … and generate the parts in parallel
 */
public record GeneratorOptions(long subscribers, int months, Path out, long seed, LocalDate asOf,
                               OutputFormat format, Charset encoding, int parts) {
    public static final long DEFAULT_SUBSCRIBERS = 100_000;
    public static final int DEFAULT_MONTHS = 6;
    public static final long DEFAULT_SEED = 20_191_201L;
    public static final long MAX_SUBSCRIBERS = 100_000_000L;
    public static final int MAX_MONTHS = 36;
    public static final int MAX_PARTS = 256;

    public GeneratorOptions {
        if (asOf == null) {
            asOf = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        }
        if (format == null) {
            format = OutputFormat.CSV;
        }
        if (encoding == null) {
            encoding = StandardCharsets.UTF_8;
        }
        check(subscribers >= 1 && subscribers <= MAX_SUBSCRIBERS,
                "--subscribers must be between 1 and " + MAX_SUBSCRIBERS + ", got " + subscribers);
        check(months >= 1 && months <= MAX_MONTHS, "--months must be between 1 and " + MAX_MONTHS + ", got " + months);
        check(out != null, "--out (the output folder) is required");
        check(asOf.getYear() >= 2010 && asOf.getYear() <= 2100, "--as-of must be a date between 2010 and 2100, got " + asOf);
        String cs = encoding.name();
        check(cs.equals("UTF-8") || cs.equals("GBK") || cs.equals("GB18030"),
                "--encoding must be utf-8, gbk or gb18030, got " + cs);
        check(parts >= 1 && parts <= MAX_PARTS, "parts must be between 1 and " + MAX_PARTS + ", got " + parts);
    }

    /** Default options writing into the given folder. */
    public static GeneratorOptions defaults(Path out) {
        return new GeneratorOptions(DEFAULT_SUBSCRIBERS, DEFAULT_MONTHS, out, DEFAULT_SEED, null, OutputFormat.CSV,
                StandardCharsets.UTF_8, 1);
    }

    /** A copy with another number of subscribers. */
    public GeneratorOptions withSubscribers(long n) {
        return new GeneratorOptions(n, months, out, seed, asOf, format, encoding, parts);
    }

    /** A copy with another number of closed months. */
    public GeneratorOptions withMonths(int m) {
        return new GeneratorOptions(subscribers, m, out, seed, asOf, format, encoding, parts);
    }

    /** A copy writing into another folder. */
    public GeneratorOptions withOut(Path dir) {
        return new GeneratorOptions(subscribers, months, dir, seed, asOf, format, encoding, parts);
    }

    /** A copy with another seed. */
    public GeneratorOptions withSeed(long s) {
        return new GeneratorOptions(subscribers, months, out, s, asOf, format, encoding, parts);
    }

    /** A copy with another as-of date. */
    public GeneratorOptions withAsOf(LocalDate date) {
        return new GeneratorOptions(subscribers, months, out, seed, date, format, encoding, parts);
    }

    /** A copy with another output format. */
    public GeneratorOptions withFormat(OutputFormat f) {
        return new GeneratorOptions(subscribers, months, out, seed, asOf, f, encoding, parts);
    }

    /** A copy with another CSV encoding. */
    public GeneratorOptions withEncoding(Charset cs) {
        return new GeneratorOptions(subscribers, months, out, seed, asOf, format, cs, parts);
    }

    /** A copy with another number of part files per big feed. */
    public GeneratorOptions withParts(int p) {
        return new GeneratorOptions(subscribers, months, out, seed, asOf, format, encoding, p);
    }

    /**
     * Parses an encoding name as the command line spells it: {@code utf-8}/{@code utf8},
     * {@code gbk}, {@code gb18030} (case-insensitive).
     */
    public static Charset parseEncoding(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "utf-8", "utf8" -> StandardCharsets.UTF_8;
            case "gbk" -> Charset.forName("GBK");
            case "gb18030" -> Charset.forName("GB18030");
            default -> throw new TenureException(ErrorCode.INVALID_ARGUMENT,
                    "--encoding must be utf-8, gbk or gb18030, got '" + name + "'");
        };
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, message);
        }
    }
}
