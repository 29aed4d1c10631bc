package io.tenure.report.xlsx;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.report.Lang;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountyListWriterTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 10);
    static final YearMonth MONTH = YearMonth.of(2025, 5);

    static final SheetSpec DATA = new SheetSpec("高流量", "高流量客户清单", List.of(
            new ColumnSpec("手机号码", CellKind.TEXT, 14),
            new ColumnSpec("流量超套费", CellKind.MONEY, 12),
            new ColumnSpec("通话分钟", CellKind.INTEGER, 10),
            new ColumnSpec("流量(GB)", CellKind.DECIMAL, 10),
            new ColumnSpec("流量使用率", CellKind.PERCENT, 10),
            new ColumnSpec("统计截止", CellKind.DATE, 12)));

    static final SheetSpec EXITED = new SheetSpec("回归正常", "回归正常客户清单", List.of(
            new ColumnSpec("手机号码", CellKind.TEXT, 14),
            new ColumnSpec("标签", CellKind.TEXT, 10)));

    @TempDir
    Path dir;

    @Test
    void writes_title_notice_headers_and_typed_cells_that_poi_reads_back() throws Exception {
        Path file = dir.resolve("福州-鼓楼区.xlsx");
        try (CountyListWriter w = new CountyListWriter(file, Lang.ZH, "福州", "鼓楼区", AS_OF, MONTH)) {
            w.startSheet(DATA);
            w.addRow("13800000001", new BigDecimal("123.456"), 321L, new BigDecimal("45.67"),
                    new BigDecimal("0.8125"), LocalDate.of(2025, 6, 9));
            w.addRow("13800000002", null, 0L, BigDecimal.ZERO, null, null);
            w.startSheet(EXITED);
            w.addRow("13800000003", "高流量");
            assertThat(w.rowsWritten()).isEqualTo(3);
        }

        try (XSSFWorkbook wb = open(file)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(wb.getSheetName(0)).isEqualTo("高流量");
            assertThat(wb.getSheetName(1)).isEqualTo("回归正常");
            XSSFSheet s = wb.getSheetAt(0);

            String title = s.getRow(0).getCell(0).getStringCellValue();
            assertThat(title).contains("高流量客户清单", "福州", "鼓楼区", "2025-05", "2025-06-10");
            assertThat(s.getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("本表含客户手机号码等个人信息，仅限维系工作使用，不得外传、复制或用于其他用途");
            assertThat(s.getMergedRegions()).anySatisfy(r -> assertThat(r.formatAsString()).isEqualTo("A1:F1"));

            Row header = s.getRow(2);
            assertThat(Stream.of(0, 1, 2, 3, 4, 5).map(i -> header.getCell(i).getStringCellValue()))
                    .containsExactly("手机号码", "流量超套费", "通话分钟", "流量(GB)", "流量使用率", "统计截止");
            XSSFCellStyle hs = (XSSFCellStyle) header.getCell(0).getCellStyle();
            assertThat(hs.getFont().getBold()).isTrue();
            assertThat(hs.getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);

            PaneInformation pane = s.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 3);
            assertThat(s.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A3:F5");
            assertThat(s.getColumnWidth(0)).isEqualTo(14 * 256);
            assertThat(s.getColumnWidth(5)).isEqualTo(12 * 256);

            Row r = s.getRow(3);
            assertThat(r.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(r.getCell(0).getStringCellValue()).isEqualTo("13800000001");
            assertNumber(r.getCell(1), 123.46, "0.00");
            assertNumber(r.getCell(2), 321, "0");
            assertNumber(r.getCell(3), 45.67, "0.0");
            assertNumber(r.getCell(4), 0.8125, "0.0%");
            assertThat(DateUtil.isCellDateFormatted(r.getCell(5))).isTrue();
            assertThat(r.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 6, 9));
            assertThat(r.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");

            Row blank = s.getRow(4);
            assertThat(blank.getCell(1).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(blank.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(s.getLastRowNum()).isEqualTo(4);

            XSSFSheet second = wb.getSheetAt(1);
            assertThat(second.getRow(0).getCell(0).getStringCellValue()).contains("回归正常客户清单");
            assertThat(second.getRow(3).getCell(1).getStringCellValue()).isEqualTo("高流量");
        }
    }

    @Test
    void text_with_markup_blanks_and_control_characters_reads_back_as_written() throws Exception {
        Path file = dir.resolve("escape.xlsx");
        try (CountyListWriter w = new CountyListWriter(file, Lang.ZH, "厦门", "思明区", AS_OF, MONTH)) {
            w.startSheet(EXITED);
            w.addRow("<b>&\"x\"</b>", " 前后空格 ");
            w.addRow("line\nbreak\ttab", "bell\u0007");
        }
        try (XSSFWorkbook wb = open(file)) {
            XSSFSheet s = wb.getSheetAt(0);
            assertThat(s.getRow(3).getCell(0).getStringCellValue()).isEqualTo("<b>&\"x\"</b>");
            assertThat(s.getRow(3).getCell(1).getStringCellValue()).isEqualTo(" 前后空格 ");
            assertThat(s.getRow(4).getCell(0).getStringCellValue()).isEqualTo("line\nbreak\ttab");
            // XML 1.0 cannot carry most control characters; they become '?' as in POI's own writer
            assertThat(s.getRow(4).getCell(1).getStringCellValue()).isEqualTo("bell?");
            assertThat(s.getLastRowNum()).isEqualTo(4);
        }
    }

    @Test
    void an_empty_sheet_keeps_its_headers_and_says_no_records() throws Exception {
        Path zh = dir.resolve("zh.xlsx");
        try (CountyListWriter w = new CountyListWriter(zh, Lang.ZH, "厦门", "思明区", AS_OF, MONTH)) {
            w.startSheet(EXITED);
            w.startSheet(DATA);
        }
        try (XSSFWorkbook wb = open(zh)) {
            for (XSSFSheet s : List.of(wb.getSheetAt(0), wb.getSheetAt(1))) {
                assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("手机号码");
                assertThat(s.getRow(3).getCell(0).getStringCellValue()).isEqualTo("无记录");
                assertThat(s.getLastRowNum()).isEqualTo(3);
                assertThat(s.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 3);
            }
        }

        Path en = dir.resolve("en.xlsx");
        try (CountyListWriter w = new CountyListWriter(en, Lang.EN, "Xiamen", "", AS_OF, MONTH)) {
            w.startSheet(EXITED);
        }
        try (XSSFWorkbook wb = open(en)) {
            XSSFSheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("回归正常客户清单 \u2014 Xiamen \u2014 billing month 2025-05 \u2014 data as of 2025-06-10");
            assertThat(s.getRow(1).getCell(0).getStringCellValue())
                    .startsWith("This sheet contains personal information").contains("do not share");
            assertThat(s.getRow(3).getCell(0).getStringCellValue()).isEqualTo("No records");
        }
    }

    @Test
    void document_properties_use_the_as_of_date_not_the_clock() throws Exception {
        Path file = dir.resolve("props.xlsx");
        try (CountyListWriter w = new CountyListWriter(file, Lang.ZH, "泉州", "晋江市", AS_OF, MONTH)) {
            w.startSheet(DATA);
        }
        try (XSSFWorkbook wb = open(file)) {
            POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
            assertThat(core.getTitle()).contains("泉州", "晋江市", "2025-05");
            assertThat(core.getCreated().toInstant()).isEqualTo(AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(core.getModified().toInstant()).isEqualTo(AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(core.getCreator()).isEqualTo("Tenure");
        }
    }

    @Test
    void the_same_rows_give_the_same_workbook_content() throws Exception {
        Path a = dir.resolve("a.xlsx");
        Path b = dir.resolve("b.xlsx");
        for (Path p : List.of(a, b)) {
            try (CountyListWriter w = new CountyListWriter(p, Lang.ZH, "福州", "鼓楼区", AS_OF, MONTH)) {
                w.startSheet(DATA);
                for (int i = 0; i < 500; i++) {
                    w.addRow("1380000" + i, BigDecimal.valueOf(i, 2), (long) i, BigDecimal.ONE, BigDecimal.ZERO, AS_OF);
                }
                w.startSheet(EXITED);
            }
        }
        assertThat(entries(a)).isEqualTo(entries(b));
    }

    @Test
    void a_row_of_the_wrong_shape_or_type_is_rejected_and_not_written() throws Exception {
        Path file = dir.resolve("bad.xlsx");
        try (CountyListWriter w = new CountyListWriter(file, Lang.ZH, "福州", "鼓楼区", AS_OF, MONTH)) {
            w.startSheet(DATA);
            assertThatThrownBy(() -> w.addRow("13800000001", "12.00", 1L, BigDecimal.ONE, BigDecimal.ONE, AS_OF))
                    .isInstanceOf(TenureException.class)
                    .hasMessageContaining("流量超套费").hasMessageContaining("MONEY").hasMessageContaining("row 4");
            assertThatThrownBy(() -> w.addRow("13800000001", BigDecimal.ONE, new BigDecimal("1.5"), BigDecimal.ONE,
                    BigDecimal.ONE, AS_OF)).hasMessageContaining("whole number");
            assertThatThrownBy(() -> w.addRow("13800000001", BigDecimal.ONE))
                    .hasMessageContaining("6 columns, got 2 values");
            assertThatThrownBy(() -> w.addRow(13800000001L, BigDecimal.ONE, 1L, BigDecimal.ONE, BigDecimal.ONE, AS_OF))
                    .hasMessageContaining("TEXT");
            assertThatThrownBy(() -> w.addRow("x", Double.NaN, 1L, BigDecimal.ONE, BigDecimal.ONE, AS_OF))
                    .hasMessageContaining("finite number");
            w.addRow("13800000001", 12, 1, 2.5, 0.5f, AS_OF);
            assertThat(w.rowsWritten()).isEqualTo(1);
        }
        try (XSSFWorkbook wb = open(file)) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(3);
            assertThat(wb.getSheetAt(0).getRow(3).getCell(1).getNumericCellValue()).isEqualTo(12.0);
        }
    }

    @Test
    void duplicate_sheet_names_and_rows_before_a_sheet_are_refused() {
        Path file = dir.resolve("dup.xlsx");
        try (CountyListWriter w = new CountyListWriter(file, Lang.ZH, "福州", "鼓楼区", AS_OF, MONTH)) {
            assertThatThrownBy(() -> w.addRow("x")).isInstanceOf(TenureException.class)
                    .hasMessageContaining("before startSheet");
            w.startSheet(EXITED);
            assertThatThrownBy(() -> w.startSheet(EXITED)).hasMessageContaining("already exists");
        }
        assertThat(file).exists();
    }

    @Test
    void the_file_appears_only_when_closed_and_abort_leaves_nothing() throws Exception {
        Path file = dir.resolve("sub").resolve("list.xlsx");
        try (CountyListWriter w = new CountyListWriter(file, Lang.ZH, "福州", "鼓楼区", AS_OF, MONTH)) {
            w.startSheet(EXITED);
            w.addRow("1", "2");
            assertThat(file).doesNotExist();
        }
        assertThat(file).exists();
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }

        Path aborted = dir.resolve("aborted.xlsx");
        try (CountyListWriter w = new CountyListWriter(aborted, Lang.ZH, "福州", "鼓楼区", AS_OF, MONTH)) {
            w.startSheet(EXITED);
            w.abort();
        }
        assertThat(aborted).doesNotExist();

        Path none = dir.resolve("none.xlsx");
        CountyListWriter w = new CountyListWriter(none, Lang.ZH, "福州", "鼓楼区", AS_OF, MONTH);
        assertThatThrownBy(w::close).isInstanceOf(TenureException.class).hasMessageContaining("no sheet");
        assertThat(none).doesNotExist();
        w.close();
        assertThatThrownBy(() -> w.startSheet(EXITED)).hasMessageContaining("closed");
    }

    @Test
    void sheet_names_follow_excel_rules() {
        assertThatThrownBy(() -> new SheetSpec("a".repeat(32), "t", EXITED.columns()))
                .isInstanceOf(TenureException.class).hasMessageContaining("31");
        assertThatThrownBy(() -> new SheetSpec("a/b", "t", EXITED.columns())).hasMessageContaining(": \\ / ? * [ ]");
        assertThatThrownBy(() -> new SheetSpec("'a", "t", EXITED.columns())).hasMessageContaining("apostrophe");
        assertThatThrownBy(() -> new SheetSpec("a", "t", List.of())).hasMessageContaining("at least one column");
        assertThatThrownBy(() -> new ColumnSpec("h", CellKind.TEXT, 0)).hasMessageContaining("1..255");
        assertThat(SheetSpec.safeName("高流量[福州/鼓楼]")).isEqualTo("高流量_福州_鼓楼_");
        assertThat(SheetSpec.safeName("'x'")).isEqualTo("x");
        assertThat(SheetSpec.safeName("x".repeat(40))).hasSize(31);
        assertThat(new SheetSpec(SheetSpec.safeName("a:b?c*d"), "t", EXITED.columns()).name()).isEqualTo("a_b_c_d");
    }

    @Test
    void the_writer_reports_errors_as_tenure_exceptions() {
        assertThatThrownBy(() -> new CountyListWriter(dir.resolve("x.xlsx"), Lang.ZH, " ", "鼓楼区", AS_OF, MONTH))
                .isInstanceOf(TenureException.class)
                .satisfies(e -> assertThat(((TenureException) e).code()).isEqualTo(ErrorCode.INVALID_VALUE));
    }

    static void assertNumber(Cell c, double value, String format) {
        assertThat(c.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(c.getNumericCellValue()).isEqualTo(value);
        assertThat(c.getCellStyle().getDataFormatString()).isEqualTo(format);
    }

    static XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static Map<String, String> entries(Path file) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> e = zip.entries();
            while (e.hasMoreElements()) {
                ZipEntry entry = e.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    out.put(entry.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        }
        return out;
    }
}
