package io.tenure.engine.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.FourHighThresholds;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed configuration ({@code tenure.yaml}, kebab-case keys). Every value has a default; the four-high
 * defaults are those of rules.md §2. A run records the values it used in summary.json.
 */
public record TenureConfig(FourHigh fourHigh, Ingest ingest, Engine engine, Output output, Care care, Model model,
                           Database database) {
    public TenureConfig {
        database = database == null ? new Database(null, null, null, null) : database;
        model = model == null ? new Model(null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : model;
        care = care == null ? new Care(null, null, null, null) : care;
        fourHigh = fourHigh == null ? new FourHigh(null, null, null, null, null, null, null, null, null, null, null) : fourHigh;
        ingest = ingest == null ? new Ingest(null, null) : ingest;
        engine = engine == null ? new Engine(null, null, null, null) : engine;
        output = output == null ? new Output(null, null) : output;
    }

    public static TenureConfig defaults() {
        return new TenureConfig(null, null, null, null, null, null, null);
    }

    /** Loads a YAML file; unknown keys and bad values fail with the key named. */
    public static TenureConfig load(Path file) {
        if (file == null) {
            return defaults();
        }
        if (!Files.isRegularFile(file)) {
            throw new TenureException(ErrorCode.INVALID_CONFIG, "config file " + file + " does not exist: check --config");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            TenureConfig c = yaml.readValue(file.toFile(), TenureConfig.class);
            return c == null ? defaults() : c;
        } catch (UnrecognizedPropertyException e) {
            throw new TenureException(ErrorCode.INVALID_CONFIG, file + ": unknown key '" + e.getPropertyName()
                    + "' at " + e.getPathReference() + "; known keys are " + e.getKnownPropertyIds(), e);
        } catch (TenureException e) {
            throw new TenureException(ErrorCode.INVALID_CONFIG, file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            Throwable root = e.getCause() instanceof TenureException te ? te : e;
            throw new TenureException(ErrorCode.INVALID_CONFIG, file + ": " + root.getMessage(), e);
        }
    }

    /**
     * Four-high thresholds (rules §2). Money in yuan, shares in percent, as in rules.md:
     * tariff-fee-min 30.00, tariff-share-pct 25, data-overage-min 20.00, silence-tenure-days 90,
     * silence-usage-pct 20, silence-vas-idle-days 60, arpu-domestic-min 100.00, arpu-best-fit-pct 60,
     * arpu-topup-min 20.00, arpu-vas-min 30.00, early-voice-fee-min 30.00.
     */
    public record FourHigh(BigDecimal tariffFeeMin, Integer tariffSharePct, BigDecimal dataOverageMin,
                           Integer silenceTenureDays, Integer silenceUsagePct, Integer silenceVasIdleDays,
                           BigDecimal arpuDomesticMin, Integer arpuBestFitPct, BigDecimal arpuTopupMin,
                           BigDecimal arpuVasMin, BigDecimal earlyVoiceFeeMin) {
        public FourHighThresholds thresholds() {
            var d = FourHighThresholds.DEFAULTS;
            return new FourHighThresholds(
                    cents(tariffFeeMin, d.tariffFeeMinCents(), "four-high.tariff-fee-min"),
                    tariffSharePct == null ? d.tariffSharePct() : tariffSharePct,
                    cents(dataOverageMin, d.dataOverageMinCents(), "four-high.data-overage-min"),
                    silenceTenureDays == null ? d.silenceTenureDays() : silenceTenureDays,
                    silenceUsagePct == null ? d.silenceUsagePct() : silenceUsagePct,
                    silenceVasIdleDays == null ? d.silenceVasIdleDays() : silenceVasIdleDays,
                    cents(arpuDomesticMin, d.arpuDomesticMinCents(), "four-high.arpu-domestic-min"),
                    arpuBestFitPct == null ? d.arpuBestFitPct() : arpuBestFitPct,
                    cents(arpuTopupMin, d.arpuTopupMinCents(), "four-high.arpu-topup-min"),
                    cents(arpuVasMin, d.arpuVasMinCents(), "four-high.arpu-vas-min"),
                    cents(earlyVoiceFeeMin, d.earlyVoiceFeeMinCents(), "four-high.early-voice-fee-min"));
        }

        static long cents(BigDecimal yuan, long dflt, String key) {
            if (yuan == null) {
                return dflt;
            }
            if (yuan.scale() > 2) {
                throw new TenureException(ErrorCode.INVALID_CONFIG, key + " = " + yuan + ": money has at most 2 decimals");
            }
            return yuan.movePointRight(2).longValueExact();
        }
    }

    /** Ingestion: reject-limit 0.01 (1% of a feed's rows), encoding auto (or utf-8, gbk). */
    public record Ingest(Double rejectLimit, String encoding) {
        public Ingest {
            rejectLimit = rejectLimit == null ? 0.01 : rejectLimit;
            encoding = encoding == null ? "auto" : encoding;
            if (rejectLimit < 0 || rejectLimit > 1) {
                throw new TenureException(ErrorCode.INVALID_CONFIG, "ingest.reject-limit must be between 0 and 1, got " + rejectLimit);
            }
        }
    }

    /**
     * Engine: threads (default: the machine's cores), memory-limit for the embedded engine (default: half of
     * physical memory, e.g. "8GB"; beyond it the engine spills to disk), history-months evaluated for the trend (6),
     * storage of the loaded feeds: {@code memory}, {@code disk} (a compressed database file in the run's work folder,
     * about a sixth of the size in memory, at some cost in load time) or {@code auto} (default: disk when the feeds'
     * files take more than a quarter of the memory limit, since the loaded tables and their intermediate copies take
     * about four times that).
     */
    public record Engine(Integer threads, String memoryLimit, Integer historyMonths, String storage) {
        public Engine {
            threads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            memoryLimit = memoryLimit == null ? defaultMemoryLimit() : memoryLimit;
            historyMonths = historyMonths == null ? 6 : historyMonths;
            storage = storage == null ? "auto" : storage.strip().toLowerCase(java.util.Locale.ROOT);
            if (threads < 1 || historyMonths < 3) {
                throw new TenureException(ErrorCode.INVALID_CONFIG, "engine.threads must be ≥ 1 and engine.history-months ≥ 3");
            }
            if (!List.of("auto", "memory", "disk").contains(storage)) {
                throw new TenureException(ErrorCode.INVALID_CONFIG, "engine.storage must be auto, memory or disk, got '"
                        + storage + "'");
            }
            memoryLimitBytes(memoryLimit);
        }

        /** Whether feeds of this many bytes are loaded into a database file rather than memory. */
        public boolean onDisk(long feedBytes) {
            return switch (storage) {
                case "disk" -> true;
                case "memory" -> false;
                default -> feedBytes > memoryLimitBytes(memoryLimit) / 4;
            };
        }

        /** Bytes of a memory limit such as "8GB", "512MB", "12GiB". */
        static long memoryLimitBytes(String limit) {
            var m = java.util.regex.Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([KMGT]i?B)\\s*",
                    java.util.regex.Pattern.CASE_INSENSITIVE).matcher(limit);
            if (!m.matches()) {
                throw new TenureException(ErrorCode.INVALID_CONFIG, "engine.memory-limit must be a size such as 8GB or"
                        + " 512MB, got '" + limit + "'");
            }
            String unit = m.group(2).toUpperCase(java.util.Locale.ROOT);
            int power = "KMGT".indexOf(unit.charAt(0)) + 1;
            double base = unit.contains("I") ? 1024 : 1000;
            return (long) (Double.parseDouble(m.group(1)) * Math.pow(base, power));
        }

        private static String defaultMemoryLimit() {
            var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                return Math.max(1, sun.getTotalMemorySize() / 2 / (1L << 30)) + "GB";
            }
            return "4GB";
        }
    }

    /** Output: lang zh (or en), province shown on the bulletin (福建). */
    public record Output(String lang, String province) {
        public Output {
            lang = lang == null ? "zh" : lang;
            province = province == null ? "福建" : province;
        }
    }

    /**
     * Care (plan advisor and playbook): sender named in every SMS (中国联通), texts (a UTF-8 properties file laid over
     * the playbook of the output language; default none), revenue-band-pct (10: the band offer keeps at least 90 % of
     * the customer's current spend), stay-margin (5.00 yuan: an offer must save at least this a month on average,
     * else "stay as you are").
     */
    public record Care(String sender, String texts, Integer revenueBandPct, BigDecimal stayMargin) {
        public Care {
            sender = sender == null ? "中国联通" : sender.strip();
            revenueBandPct = revenueBandPct == null ? 10 : revenueBandPct;
            stayMargin = stayMargin == null ? new BigDecimal("5.00") : stayMargin;
            if (sender.isEmpty()) {
                throw new TenureException(ErrorCode.INVALID_CONFIG, "care.sender must name the operator, e.g. 中国联通");
            }
            if (revenueBandPct < 0 || revenueBandPct > 100) {
                throw new TenureException(ErrorCode.INVALID_CONFIG, "care.revenue-band-pct must be 0–100, got " + revenueBandPct);
            }
        }

        public io.tenure.core.advice.Advice.Settings settings() {
            return new io.tenure.core.advice.Advice.Settings(revenueBandPct, FourHigh.cents(stayMargin, 500, "care.stay-margin"));
        }

        /** The playbook texts file, or null for the defaults. */
        public Path textsFile() {
            return texts == null || texts.isBlank() ? null : Path.of(texts);
        }
    }

    /**
     * Port-out model: path (a saved model folder; when set, the daily run scores every active subscriber), training
     * settings (max-rounds 2000, early-stopping-rounds 50, validation-share 0.2, eta 0.1, max-depth 4,
     * min-child-weight 1, subsample 0.8, colsample 0.8, lambda 1, balance-classes false, seed 20191127) and the risk
     * bands (high-risk 0.20, medium-risk 0.05: calibrated probability of porting out within 90 days).
     */
    public record Model(String path, Integer maxRounds, Integer earlyStoppingRounds, Double validationShare, Double eta,
                        Integer maxDepth, Double minChildWeight, Double subsample, Double colsample, Double lambda,
                        Boolean balanceClasses, Long seed, Double highRisk, Double mediumRisk) {
        public io.tenure.model.TrainConfig training() {
            var d = io.tenure.model.TrainConfig.DEFAULTS;
            return new io.tenure.model.TrainConfig(maxRounds == null ? d.maxRounds() : maxRounds,
                    earlyStoppingRounds == null ? d.earlyStoppingRounds() : earlyStoppingRounds,
                    validationShare == null ? d.validationShare() : validationShare, eta == null ? d.eta() : eta,
                    maxDepth == null ? d.maxDepth() : maxDepth, minChildWeight == null ? d.minChildWeight() : minChildWeight,
                    subsample == null ? d.subsample() : subsample, colsample == null ? d.colsample() : colsample,
                    lambda == null ? d.lambda() : lambda, balanceClasses == null ? d.balanceClasses() : balanceClasses,
                    seed == null ? d.seed() : seed, 0);
        }

        public io.tenure.core.risk.RiskBands bands() {
            var d = io.tenure.core.risk.RiskBands.DEFAULTS;
            try {
                return new io.tenure.core.risk.RiskBands(highRisk == null ? d.high() : highRisk,
                        mediumRisk == null ? d.medium() : mediumRisk);
            } catch (TenureException e) {
                throw new TenureException(ErrorCode.INVALID_CONFIG, "model.high-risk and model.medium-risk: " + e.getMessage());
            }
        }

        /** The saved model to score with, or null. */
        public Path modelDir() {
            return path == null || path.isBlank() ? null : Path.of(path);
        }
    }

    /**
     * The operations database the daily run publishes into and the server reads: url (default: an embedded H2 file
     * database {@code <out>/db/tenure}; production: {@code jdbc:postgresql://host/db}), user and password (default
     * none), publish (default true: the daily run loads its outputs into the database after writing the files).
     */
    public record Database(String url, String user, String password, Boolean publish) {
        public Database {
            publish = publish == null ? Boolean.TRUE : publish;
            if (url != null && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
                throw new TenureException(ErrorCode.INVALID_CONFIG, "database.url must be a jdbc:postgresql: or jdbc:h2: URL, got '"
                        + url + "'");
            }
        }

        /** The embedded default under an output folder. */
        public static String embeddedUrl(Path out) {
            return "jdbc:h2:file:" + out.toAbsolutePath().normalize().resolve("db").resolve("tenure")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        }

        /** This URL, or the embedded default under the output folder. */
        public String urlFor(Path out) {
            return url == null || url.isBlank() ? embeddedUrl(out) : url;
        }

        @Override
        public String toString() {
            return "Database[url=" + url + ", user=" + user + ", publish=" + publish + "]"; // never the password
        }
    }

    /** The values in force, for summary.json. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        var t = fourHigh.thresholds();
        m.put("four-high", t);
        m.put("ingest", ingest);
        m.put("care", care);
        m.put("database", Map.of("url", database.url() == null ? "embedded" : database.url(), "publish", database.publish()));
        m.put("engine", Map.of("threads", engine.threads(), "history-months", engine.historyMonths(), "storage", engine.storage()));
        return m;
    }
}
