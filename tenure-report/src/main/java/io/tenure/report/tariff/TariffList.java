package io.tenure.report.tariff;

import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.AddonKind;
import io.tenure.core.catalog.Catalog;
import io.tenure.core.catalog.Plan;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.report.AtomicFile;
import io.tenure.report.Html;
import io.tenure.report.JsonEmbed;
import io.tenure.report.Lang;
import io.tenure.report.Messages;
import io.tenure.report.bulletin.Assets;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transparent tariff list (资费清单式公示): every published plan and pack with every fee, allowance and
 * overage rate, ordered by price, in the customer's words. The HTML page carries a "what would I pay"
 * calculator that prices typed usage on every published plan with at most one data and one voice pack, by the
 * bill simulation of rules §1; the workbook carries the same lists. Unpublished items never appear.
 */
public final class TariffList {
    private static final Comparator<Plan> PLAN_ORDER = Comparator.comparingLong(Plan::monthlyFeeCents)
            .thenComparing(p -> p.id().value());
    private static final Comparator<Addon> PACK_ORDER = Comparator.comparing(Addon::kind)
            .thenComparingLong(Addon::monthlyFeeCents).thenComparing(a -> a.id().value());
    private static final String RESOURCES = "/io/tenure/report/tariff/";
    private final Lang lang;
    private final Messages m;

    public TariffList(Lang lang) {
        this.lang = lang;
        this.m = Messages.of(lang);
    }

    /** Published plans, cheapest first. */
    public static List<Plan> plans(Catalog catalog) {
        return catalog.plans().stream().filter(Plan::published).sorted(PLAN_ORDER).toList();
    }

    /** Published packs, data then voice, cheapest first. */
    public static List<Addon> packs(Catalog catalog) {
        return catalog.addons().stream().filter(Addon::published).sorted(PACK_ORDER).toList();
    }

    /** The HTML page of the list, with its calculator. */
    public String html(Catalog catalog, String operator, LocalDate asOf) {
        List<Plan> plans = plans(catalog);
        List<Addon> packs = packs(catalog);
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"").text(lang.htmlTag()).raw("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>").text(m.get("tariff.title", operator)).raw("</title>\n<style>\n").raw(Assets.read(RESOURCES + "tariffs.css"))
                .raw("</style>\n</head>\n<body>\n<div class=\"page\">\n")
                .el("h1", null, m.get("tariff.title", operator))
                .el("p", "meta", m.get("tariff.meta", asOf.toString(), plans.size(), packs.size()))
                .el("p", "note", m.get("tariff.promise"));

        h.raw("<section class=\"card\" id=\"calculator\">\n").el("h2", null, m.get("tariff.calc.title"))
                .el("p", "note", m.get("tariff.calc.lead"))
                .raw("<form id=\"calc\">")
                .raw("<label>").text(m.get("tariff.calc.voice")).raw("<input id=\"voice\" type=\"number\" min=\"0\" step=\"1\" value=\"300\"></label>")
                .raw("<label>").text(m.get("tariff.calc.data")).raw("<input id=\"data\" type=\"number\" min=\"0\" step=\"0.1\" value=\"20\"></label>")
                .raw("<label>").text(m.get("tariff.calc.sms")).raw("<input id=\"sms\" type=\"number\" min=\"0\" step=\"1\" value=\"0\"></label>")
                .raw("<button type=\"submit\">").text(m.get("tariff.calc.go")).raw("</button></form>\n")
                .raw("<p id=\"calc-error\" class=\"error\" hidden>").text(m.get("tariff.calc.invalid")).raw("</p>\n")
                .raw("<table id=\"results\">\n<thead><tr>");
        for (String k : List.of("rank", "offer", "fixed", "voice_over", "data_over", "sms_over", "total")) {
            h.raw(k.equals("offer") ? "<th class=\"l\">" : "<th>").text(m.get("tariff.col." + k)).raw("</th>");
        }
        h.raw("</tr></thead>\n<tbody id=\"results-body\"></tbody>\n</table>\n</section>\n");

        h.raw("<section class=\"card\" id=\"plans\">\n").el("h2", null, m.get("tariff.plans")).raw("<table>\n<thead><tr>");
        for (String k : List.of("plan", "id", "network", "fee", "voice", "data", "sms", "voice_rate", "data_rate", "sms_rate")) {
            h.raw(k.equals("plan") || k.equals("id") || k.equals("network") ? "<th class=\"l\">" : "<th>")
                    .text(m.get("tariff.col." + k)).raw("</th>");
        }
        h.raw("</tr></thead>\n<tbody>\n");
        for (Plan p : plans) {
            h.raw("<tr>").el("td", "l", p.name()).el("td", "l", p.id().value())
                    .el("td", "l", p.network() == null ? "" : p.network().name())
                    .el("td", "n", yuan(p.monthlyFeeCents())).el("td", "n", String.valueOf(p.voiceMin()))
                    .el("td", "n", gb(p.dataMb())).el("td", "n", String.valueOf(p.sms()))
                    .el("td", "n", yuan(p.voiceRateCents())).el("td", "n", yuan(p.dataRatePerGbCents()))
                    .el("td", "n", yuan(p.smsRateCents())).raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n</section>\n");

        h.raw("<section class=\"card\" id=\"packs\">\n").el("h2", null, m.get("tariff.packs")).raw("<table>\n<thead><tr>");
        for (String k : List.of("pack", "id", "kind", "fee", "voice", "data")) {
            h.raw(k.equals("pack") || k.equals("id") || k.equals("kind") ? "<th class=\"l\">" : "<th>")
                    .text(m.get("tariff.col." + k)).raw("</th>");
        }
        h.raw("</tr></thead>\n<tbody>\n");
        for (Addon a : packs) {
            h.raw("<tr>").el("td", "l", a.name()).el("td", "l", a.id().value())
                    .el("td", "l", m.get("tariff.kind." + a.kind().name())).el("td", "n", yuan(a.monthlyFeeCents()))
                    .el("td", "n", String.valueOf(a.voiceMin())).el("td", "n", gb(a.dataMb())).raw("</tr>\n");
        }
        h.raw("</tbody>\n</table>\n</section>\n");

        h.raw("<section class=\"card\" id=\"rules\">\n").el("h2", null, m.get("tariff.rules"));
        for (String k : List.of("tariff.rule.fee", "tariff.rule.voice", "tariff.rule.data", "tariff.rule.sms",
                "tariff.rule.other", "tariff.rule.packs")) {
            h.el("p", null, m.get(k));
        }
        h.raw("</section>\n</div>\n");
        h.raw("<script type=\"application/json\" id=\"catalog\">").raw(JsonEmbed.write(json(plans, packs))).raw("</script>\n");
        h.raw("<script>\n").raw(Assets.inlineSafe(Assets.read(RESOURCES + "calculator.js"))).raw("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Writes the HTML page. */
    public void writeHtml(Catalog catalog, String operator, LocalDate asOf, Path file) {
        String page = html(catalog, operator, asOf);
        AtomicFile.write(file, "tariff list", out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes the workbook: a sheet of plans, one of packs, one of the charging rules. */
    public void writeXlsx(Catalog catalog, String operator, LocalDate asOf, Path file) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            CellStyle gbStyle = wb.createCellStyle();
            gbStyle.setDataFormat(wb.createDataFormat().getFormat("0.##"));

            Sheet plans = wb.createSheet(m.get("tariff.plans"));
            header(plans, head, m.get("tariff.title", operator) + " · " + asOf, "plan", "id", "network", "fee", "voice", "data",
                    "sms", "voice_rate", "data_rate", "sms_rate");
            int r = 2;
            for (Plan p : plans(catalog)) {
                Row row = plans.createRow(r++);
                row.createCell(0).setCellValue(p.name());
                row.createCell(1).setCellValue(p.id().value());
                row.createCell(2).setCellValue(p.network() == null ? "" : p.network().name());
                number(row, 3, p.monthlyFeeCents() / 100.0, money);
                row.createCell(4).setCellValue(p.voiceMin());
                number(row, 5, p.dataMb() / 1024.0, gbStyle);
                row.createCell(6).setCellValue(p.sms());
                number(row, 7, p.voiceRateCents() / 100.0, money);
                number(row, 8, p.dataRatePerGbCents() / 100.0, money);
                number(row, 9, p.smsRateCents() / 100.0, money);
            }
            Sheet packs = wb.createSheet(m.get("tariff.packs"));
            header(packs, head, m.get("tariff.title", operator) + " · " + asOf, "pack", "id", "kind", "fee", "voice", "data");
            r = 2;
            for (Addon a : packs(catalog)) {
                Row row = packs.createRow(r++);
                row.createCell(0).setCellValue(a.name());
                row.createCell(1).setCellValue(a.id().value());
                row.createCell(2).setCellValue(m.get("tariff.kind." + a.kind().name()));
                number(row, 3, a.monthlyFeeCents() / 100.0, money);
                row.createCell(4).setCellValue(a.voiceMin());
                number(row, 5, a.dataMb() / 1024.0, gbStyle);
            }
            Sheet rules = wb.createSheet(m.get("tariff.rules"));
            r = 0;
            for (String k : List.of("tariff.promise", "tariff.rule.fee", "tariff.rule.voice", "tariff.rule.data",
                    "tariff.rule.sms", "tariff.rule.other", "tariff.rule.packs")) {
                rules.createRow(r++).createCell(0).setCellValue(m.get(k));
            }
            rules.setColumnWidth(0, 120 * 256);
            for (Sheet s : List.of(plans, packs)) {
                s.createFreezePane(0, 2);
                s.setColumnWidth(0, 28 * 256);
                for (int c = 1; c < 10; c++) {
                    s.setColumnWidth(c, 14 * 256);
                }
            }
            AtomicFile.write(file, "tariff list workbook", wb::write);
        } catch (IOException e) {
            throw new TenureException(ErrorCode.IO_FAILURE, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void header(Sheet s, CellStyle style, String title, String... keys) {
        Row t = s.createRow(0);
        t.createCell(0).setCellValue(title);
        t.getCell(0).setCellStyle(style);
        Row h = s.createRow(1);
        for (int i = 0; i < keys.length; i++) {
            h.createCell(i).setCellValue(m.get("tariff.col." + keys[i]));
            h.getCell(i).setCellStyle(style);
        }
    }

    private static void number(Row row, int col, double value, CellStyle style) {
        var c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    /** What the calculator reads: cents, minutes, MB and messages, as the bill simulation takes them. */
    private static Map<String, Object> json(List<Plan> plans, List<Addon> packs) {
        List<Map<String, Object>> ps = new ArrayList<>();
        for (Plan p : plans) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", p.id().value());
            o.put("name", p.name());
            o.put("fee", p.monthlyFeeCents());
            o.put("voice", p.voiceMin());
            o.put("dataMb", p.dataMb());
            o.put("sms", p.sms());
            o.put("voiceRate", p.voiceRateCents());
            o.put("dataRate", p.dataRatePerGbCents());
            o.put("smsRate", p.smsRateCents());
            ps.add(o);
        }
        List<Map<String, Object>> as = new ArrayList<>();
        for (Addon a : packs) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", a.id().value());
            o.put("name", a.name());
            o.put("kind", a.kind() == AddonKind.DATA ? "DATA" : "VOICE");
            o.put("fee", a.monthlyFeeCents());
            o.put("voice", a.voiceMin());
            o.put("dataMb", a.dataMb());
            as.add(o);
        }
        return Map.of("plans", ps, "packs", as);
    }

    private static String yuan(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static String gb(long mb) {
        return BigDecimal.valueOf(mb).divide(BigDecimal.valueOf(1024), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
