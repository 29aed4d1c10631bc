package io.tenure.cli;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.engine.config.TenureConfig;
import io.tenure.engine.duck.Duck;
import io.tenure.engine.fourhigh.TariffBook;
import io.tenure.engine.run.Publisher;
import io.tenure.ingest.FeedLoader;
import io.tenure.ingest.FeedReport;
import io.tenure.ingest.IngestOptions;
import io.tenure.report.Lang;
import io.tenure.report.tariff.TariffList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code tenure tariffs}: the published tariff list (资费清单式公示) as an HTML page with a calculator and a workbook. */
@Command(name = "tariffs", mixinStandardHelpOptions = true,
        description = "Publish the plans and packs on sale as a customer-language list (tariffs.html with a"
                + " \"what would I pay\" calculator, tariffs.xlsx).")
final class TariffsCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Folder of feeds: the plans and addons feeds are read.")
    Path data;
    @Option(names = "--out", required = true, description = "Folder to write tariffs.html and tariffs.xlsx into.")
    Path out;
    @Option(names = "--as-of", description = "Date shown on the list (default: today, Asia/Shanghai).")
    LocalDate asOf;
    @Option(names = "--config", description = "tenure.yaml: the operator (care.sender) and province (output.province).")
    Path config;
    @Option(names = "--lang", description = "zh (default) or en.")
    String lang;

    @Override
    public Integer call() throws IOException {
        TenureConfig cfg = TenureConfig.load(config);
        Lang l = lang == null ? Lang.parse(cfg.output().lang()) : Lang.parse(lang);
        LocalDate date = asOf == null ? LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) : asOf;
        if (!Files.isDirectory(data)) {
            throw new TenureException(ErrorCode.FEED_MISSING, "data folder " + data + " does not exist: check --data");
        }
        Files.createDirectories(out);
        Path work = Files.createTempDirectory(out, ".tariffs-");
        try (var conn = Duck.open(work, 1, "1GB")) {
            var ingest = new FeedLoader(conn, IngestOptions.defaults(work)).loadCatalog(data);
            for (FeedReport f : ingest.feeds()) {
                if (f.rejected() > 0) {
                    System.err.printf("tenure: %s: %d rows rejected and left off the list (see `tenure run` rejects)%n",
                            f.feed(), f.rejected());
                }
            }
            var catalog = TariffBook.load(conn).catalog();
            String operator = cfg.care().sender() + (l == Lang.EN ? " " : "") + cfg.output().province();
            TariffList list = new TariffList(l);
            Path html = out.resolve("tariffs.html");
            Path xlsx = out.resolve("tariffs.xlsx");
            list.writeHtml(catalog, operator, date, html);
            list.writeXlsx(catalog, operator, date, xlsx);
            System.out.printf("%d plans and %d packs on sale published:%n  %s%n  %s%n", TariffList.plans(catalog).size(),
                    TariffList.packs(catalog).size(), html, xlsx);
        } catch (java.sql.SQLException e) {
            throw new TenureException(ErrorCode.ENGINE_FAILURE, "embedded engine failed: " + e.getMessage(), e);
        } finally {
            Publisher.deleteTree(work);
        }
        return 0;
    }
}
