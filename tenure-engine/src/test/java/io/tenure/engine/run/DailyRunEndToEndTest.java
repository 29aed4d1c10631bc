package io.tenure.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.engine.config.TenureConfig;
import io.tenure.generator.GeneratorOptions;
import io.tenure.generator.OutputFormat;
import io.tenure.generator.ProvinceGenerator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** generate → run → check the published files; reruns; bad rows; a run killed mid-way. */
class DailyRunEndToEndTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void generate() {
        data = tmp.resolve("data");
        new ProvinceGenerator(new GeneratorOptions(6000, 6, data, 7L, AS_OF, OutputFormat.CSV, StandardCharsets.UTF_8, 1)).generate();
    }

    private static RunResult run(Path data, Path out) {
        return new DailyRun(new RunOptions(data, out, AS_OF, TenureConfig.defaults(), null), Progress.SILENT).run();
    }

    @Test
    void publishesEveryOutputOfTheDailyRun() throws Exception {
        Path out = tmp.resolve("out-all");
        RunResult r = run(data, out);
        Path day = out.resolve("2026-11-21");
        assertThat(r.published()).isEqualTo(day);
        assertThat(r.month()).hasToString("2026-10");
        for (String f : List.of("four_high.csv", "four_high.parquet", "early_warning.csv", "report.html", "summary.json")) {
            assertThat(day.resolve(f)).isNotEmptyFile();
        }
        List<String> lines = Files.readAllLines(day.resolve("four_high.csv"));
        assertThat(lines.get(0)).startsWith("subscriber_id,msisdn,city,county,tag,level,movement,month")
                .contains("data_overage_fee", "best_fit_cost", "domestic", "care_action", "offer", "saving_avg", "revenue_change",
                        "reason", "sms", "call_needs", "call_offer");
        assertThat(lines).hasSize((int) r.fourHighRows() + 1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).contains(",2026-10,"));
        assertThat(lines.stream().filter(l -> l.contains(",EXITED,"))).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains(",,EXITED,"));
        // every tag planted in the province is found
        Map<String, Long> perTag = lines.stream().skip(1).map(l -> l.split(",")[4]).collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(perTag).containsKeys("HIGH_TARIFF", "HIGH_DATA", "HIGH_SILENCE", "HIGH_ARPU");

        JsonNode summary = new ObjectMapper().readTree(day.resolve("summary.json").toFile());
        assertThat(summary.path("month").asText()).isEqualTo("2026-10");
        assertThat(summary.path("four_high").path("rows").asLong()).isEqualTo(r.fourHighRows());
        assertThat(summary.path("feeds")).hasSize(11);
        assertThat(summary.path("thresholds").path("dataOverageMinCents").asLong()).isEqualTo(2000);
        assertThat(summary.path("timings_ms").has("four_high")).isTrue();
        // perception drivers: the generator plants −1.5 points of satisfaction for a four-high month
        JsonNode effects = summary.path("perception_drivers").path("effects");
        assertThat(summary.path("perception_drivers").path("surveys").asLong()).isPositive();
        for (JsonNode e : effects) {
            if (e.path("factor").asText().startsWith("high_")) {
                assertThat(e.path("estimate").asDouble()).as(e.toString()).isLessThan(-0.5);
                assertThat(e.path("high").asDouble()).as(e.toString()).isNegative();
            }
        }

        // the generator records what it planted, found by its own reading of the rules: both must agree
        JsonNode truth = new ObjectMapper().readTree(data.resolve("generator.json").toFile()).path("truth");
        JsonNode latest = truth.path("latestMonthDetail");
        assertThat(summary.path("four_high").path("evaluated").asLong())
                .isEqualTo(truth.path("fourHigh").path("2026-10").path("evaluated").asLong());
        for (String tag : List.of("HIGH_TARIFF", "HIGH_DATA", "HIGH_SILENCE", "HIGH_ARPU")) {
            JsonNode ours = summary.path("four_high").path("tags").path(tag);
            assertThat(ours.path("held").asLong()).as(tag).isEqualTo(latest.path(tag).path("found").asLong());
            assertThat(ours.path("entered").asLong()).as(tag).isEqualTo(latest.path(tag).path("entered").asLong());
            assertThat(ours.path("stayed").asLong()).as(tag).isEqualTo(latest.path(tag).path("stayed").asLong());
            assertThat(ours.path("exited").asLong()).as(tag).isEqualTo(latest.path(tag).path("exited").asLong());
            assertThat(ours.path("persistent").asLong()).as(tag).isEqualTo(latest.path(tag).path("persistent").asLong());
        }

        assertThat(Files.readString(day.resolve("early_warning.csv"))).startsWith("subscriber_id,msisdn,city,county,tag")
                .contains("projected_fee", "care_action", "sms");
        List<String> warnings = Files.readAllLines(day.resolve("early_warning.csv"));
        for (String tag : List.of("HIGH_TARIFF", "HIGH_DATA")) {
            assertThat(warnings.stream().skip(1).filter(l -> l.split(",")[4].equals(tag)).count()).as(tag)
                    .isEqualTo(truth.path("earlyWarnings").path(tag).asLong());
        }
        assertThat(r.earlyWarnings().trackedThrough()).isEqualTo(LocalDate.of(2026, 11, 20));

        String html = Files.readString(day.resolve("report.html"));
        assertThat(html).contains("echarts").contains("2026-10").contains("高流量");

        List<Path> lists;
        try (Stream<Path> s = Files.walk(day.resolve("lists"))) {
            lists = s.filter(p -> p.toString().endsWith(".xlsx")).toList();
        }
        assertThat(lists).isNotEmpty();
        long listed = 0;
        long smsChecked = 0;
        for (Path x : lists) {
            try (var wb = new XSSFWorkbook(x.toFile())) {
                assertThat(wb.getNumberOfSheets()).isEqualTo(7);
                assertThat(wb.getSheetName(0)).isEqualTo("外呼话术");
                assertThat(wb.getSheetName(1)).isEqualTo("高资费");
                var data = wb.getSheetAt(2);
                listed += data.getLastRowNum();
                // the care columns: the SMS of each listed customer ends with the opt-out line
                int smsColumn = -1;
                int headerRow = -1;
                for (int h = 0; h <= 3 && smsColumn < 0; h++) {
                    for (var cell : data.getRow(h)) {
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getStringCellValue().equals("短信")) {
                            smsColumn = cell.getColumnIndex();
                            headerRow = h;
                        }
                    }
                }
                assertThat(smsColumn).as("SMS column of " + x).isNotNegative();
                for (int i = headerRow + 1; i <= data.getLastRowNum(); i++) {
                    var sms = data.getRow(i).getCell(smsColumn);
                    if (sms != null) { // null: the "no customer" line of an empty sheet
                        assertThat(sms.getStringCellValue()).endsWith("拒收请回复R");
                        smsChecked++;
                    }
                }
            }
        }
        assertThat(listed).isPositive();
        assertThat(smsChecked).isPositive();
        assertThat(html).contains("月均可省");
    }

    @Test
    void withAModelEveryActiveSubscriberIsScoredBandedAndExplained() throws Exception {
        Path modelDir = tmp.resolve("risk-model");
        try (var conn = io.tenure.engine.duck.Duck.open(tmp, 2, "2GB")) {
            new io.tenure.ingest.FeedLoader(conn, io.tenure.ingest.IngestOptions.defaults(tmp)).loadAll(data);
            io.tenure.engine.risk.RiskTraining.train(conn, AS_OF, io.tenure.model.TrainConfig.DEFAULTS, modelDir);
        }
        var model = new TenureConfig.Model(modelDir.toString(), null, null, null, null, null, null, null, null, null, null, null,
                0.05, 0.02);
        var cfg = new TenureConfig(null, null, null, null, null, model, null);
        Path out = tmp.resolve("out-risk");
        RunResult r = new DailyRun(new RunOptions(data, out, AS_OF, cfg, null), Progress.SILENT).run();
        Path day = out.resolve("2026-11-21");

        List<String> risk = Files.readAllLines(day.resolve("risk.csv"));
        assertThat(risk.get(0)).isEqualTo("subscriber_id,msisdn,city,county,vip_level,plan_id,probability,band,reason_1,reason_2,"
                + "reason_3,account_manager_id");
        assertThat(risk).hasSize((int) r.risk().scored() + 1);
        assertThat(r.risk().scored()).isEqualTo(activeSubscribers());
        assertThat(r.risk().high()).isPositive();
        assertThat(risk.stream().skip(1).filter(l -> l.contains(",HIGH,")))
                .allSatisfy(l -> assertThat(l.split(",")[8]).isNotEmpty());
        assertThat(Files.readAllLines(day.resolve("four_high.csv")).get(0)).contains("risk_probability,risk_band,risk_reasons");
        String html = Files.readString(day.resolve("report.html"));
        assertThat(html).contains("五、携号转网风险", "高风险客户最常见的原因");
        try (Stream<Path> s = Files.walk(day.resolve("lists"))) {
            Path anyList = s.filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElseThrow();
            try (var wb = new XSSFWorkbook(anyList.toFile())) {
                assertThat(wb.getSheet("高风险")).isNotNull();
            }
        }
    }

    private static long activeSubscribers() throws Exception {
        return Files.readAllLines(data.resolve("subscribers.csv")).stream().filter(l -> l.contains(",ACTIVE,")).count();
    }

    @Test
    void rerunOfTheSameDayWritesTheSameBytes() throws Exception {
        Path out = tmp.resolve("out-rerun");
        run(data, out);
        byte[] first = Files.readAllBytes(out.resolve("2026-11-21/four_high.csv"));
        byte[] firstEw = Files.readAllBytes(out.resolve("2026-11-21/early_warning.csv"));
        run(data, out);
        assertThat(Files.readAllBytes(out.resolve("2026-11-21/four_high.csv"))).isEqualTo(first);
        assertThat(Files.readAllBytes(out.resolve("2026-11-21/early_warning.csv"))).isEqualTo(firstEw);
    }

    @Test
    void feedsStoredInADatabaseFileGiveTheSameOutputsAsInMemory() throws Exception {
        Path memory = tmp.resolve("out-memory");
        Path disk = tmp.resolve("out-disk");
        var onDisk = new TenureConfig(null, null, new TenureConfig.Engine(null, null, null, "disk"), null, null, null, null);
        run(data, memory);
        new DailyRun(new RunOptions(data, disk, AS_OF, onDisk, null), Progress.SILENT).run();
        for (String file : List.of("four_high.csv", "early_warning.csv")) {
            assertThat(Files.readAllBytes(disk.resolve("2026-11-21").resolve(file)))
                    .isEqualTo(Files.readAllBytes(memory.resolve("2026-11-21").resolve(file)));
        }
        // the database file went with the work folder
        try (var files = Files.walk(disk)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".duckdb"))).isEmpty();
        }
    }

    @Test
    void gbkCsvAndParquetFeedsGiveTheSameOutputsAsUtf8() throws Exception {
        Path out = tmp.resolve("out-formats");
        run(data, out);
        byte[] utf8 = Files.readAllBytes(out.resolve("2026-11-21/four_high.csv"));
        byte[] utf8Warnings = Files.readAllBytes(out.resolve("2026-11-21/early_warning.csv"));
        Path gbk = tmp.resolve("data-gbk");
        new ProvinceGenerator(new GeneratorOptions(6000, 6, gbk, 7L, AS_OF, OutputFormat.CSV,
                java.nio.charset.Charset.forName("GBK"), 1)).generate();
        Path parquet = tmp.resolve("data-parquet");
        new ProvinceGenerator(new GeneratorOptions(6000, 6, parquet, 7L, AS_OF, OutputFormat.PARQUET, StandardCharsets.UTF_8, 2)).generate();
        for (Path feeds : List.of(gbk, parquet)) {
            Path o = tmp.resolve("out-" + feeds.getFileName());
            RunResult r = run(feeds, o);
            assertThat(r.ingest().totalRejected()).isZero();
            assertThat(Files.readAllBytes(o.resolve("2026-11-21/four_high.csv"))).as(feeds.toString()).isEqualTo(utf8);
            assertThat(Files.readAllBytes(o.resolve("2026-11-21/early_warning.csv"))).as(feeds.toString()).isEqualTo(utf8Warnings);
        }
        assertThat(new String(Files.readAllBytes(gbk.resolve("subscribers.csv")), java.nio.charset.Charset.forName("GBK")))
                .contains("市");
    }

    @Test
    void keepsRejectedRowsWithFileLineAndReason() throws Exception {
        Path bad = copyOf(data, tmp.resolve("data-bad"));
        long lines;
        try (Stream<String> s = Files.lines(bad.resolve("bills.csv"))) {
            lines = s.count();
        }
        String header = Files.readAllLines(bad.resolve("bills.csv")).get(0);
        String row = String.join(",", java.util.Collections.nCopies(header.split(",").length, ""));
        Files.writeString(bad.resolve("bills.csv"), row + "\n", StandardOpenOption.APPEND);
        RunResult r = run(bad, tmp.resolve("out-bad"));
        assertThat(r.ingest().feed("bills").rejected()).isEqualTo(1);
        String rejects = Files.readString(tmp.resolve("out-bad/2026-11-21/rejects/bills.csv"));
        assertThat(rejects).contains("bills.csv," + (lines + 1) + ",");
    }

    @Test
    void failsWithoutPublishingWhenAFeedRejectsTooManyRows() throws Exception {
        Path out = tmp.resolve("out-limit");
        run(data, out);
        byte[] before = Files.readAllBytes(out.resolve("2026-11-21/four_high.csv"));
        Path bad = copyOf(data, tmp.resolve("data-limit"));
        List<String> plans = Files.readAllLines(bad.resolve("subscribers.csv"));
        StringBuilder sb = new StringBuilder(String.join("\n", plans)).append('\n');
        for (int i = 0; i < plans.size() / 20; i++) {
            sb.append(plans.get(1 + i).replaceFirst("^[^,]*,", "DUP" + i + ",").replaceFirst(",1[0-9]{10},", ",12,")).append('\n');
        }
        Files.writeString(bad.resolve("subscribers.csv"), sb);
        assertThatThrownBy(() -> run(bad, out)).isInstanceOfSatisfying(TenureException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.REJECT_LIMIT_EXCEEDED));
        assertThat(Files.readAllBytes(out.resolve("2026-11-21/four_high.csv"))).isEqualTo(before);
        assertThat(out.resolve("failed-2026-11-21/rejects/subscribers.csv")).isNotEmptyFile();
    }

    @Test
    void aRunKilledMidWayLeavesThePreviousOutputsIntact() throws Exception {
        Path out = tmp.resolve("out-kill");
        run(data, out);
        Path day = out.resolve("2026-11-21");
        Map<Path, String> before = snapshot(day);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), RunMain.class.getName(), data.toString(), out.toString(), AS_OF.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("killed-run.log").toFile()).start();
        boolean killedInFlight = false;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (stagedCsvExists(out)) {
                p.destroyForcibly();
                killedInFlight = true;
                break;
            }
            Thread.sleep(2);
        }
        p.waitFor();
        assertThat(killedInFlight).as("the run was killed while writing its outputs").isTrue();
        assertThat(snapshot(day)).containsExactlyInAnyOrderEntriesOf(before);
        // the next run clears the stale staging folder and publishes normally
        run(data, out);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith(".staging"))).isEmpty();
        }
        assertThat(sha256(day.resolve("four_high.csv"))).isEqualTo(before.get(day.resolve("four_high.csv")));
    }

    private static boolean stagedCsvExists(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(x -> x.getFileName().toString().startsWith(".staging"))
                    .anyMatch(x -> Files.exists(x.resolve("four_high.csv")));
        }
    }

    private static Map<Path, String> snapshot(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).collect(Collectors.toMap(p -> p, DailyRunEndToEndTest::sha256));
        }
    }

    private static String sha256(Path p) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(md.digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
