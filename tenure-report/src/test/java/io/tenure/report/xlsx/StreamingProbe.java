package io.tenure.report.xlsx;

import io.tenure.report.Lang;
import io.tenure.report.Messages;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Writes a large list in a JVM of its own, started by {@link CountyListWriterStreamingTest} with a
 * small heap. Prints "rows=N millis=T".
 */
public final class StreamingProbe {
    private StreamingProbe() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        Messages m = Messages.of(Lang.ZH);
        SheetSpec spec = new SheetSpec(m.get("sheet.HIGH_DATA"), "高流量客户清单", List.of(
                new ColumnSpec(m.get("list.subscriber_id"), CellKind.TEXT, 14),
                new ColumnSpec(m.get("list.msisdn"), CellKind.TEXT, 13),
                new ColumnSpec(m.get("list.customer_name"), CellKind.TEXT, 10),
                new ColumnSpec(m.get("list.city"), CellKind.TEXT, 8),
                new ColumnSpec(m.get("list.county"), CellKind.TEXT, 10),
                new ColumnSpec(m.get("list.plan"), CellKind.TEXT, 18),
                new ColumnSpec(m.get("list.level"), CellKind.TEXT, 8),
                new ColumnSpec(m.get("list.total_fee"), CellKind.MONEY, 11),
                new ColumnSpec(m.get("list.data_overage_fee"), CellKind.MONEY, 11),
                new ColumnSpec(m.get("list.voice_min"), CellKind.INTEGER, 9),
                new ColumnSpec(m.get("list.data_gb"), CellKind.DECIMAL, 9),
                new ColumnSpec(m.get("list.data_use"), CellKind.PERCENT, 10),
                new ColumnSpec(m.get("list.account_manager"), CellKind.TEXT, 10),
                new ColumnSpec(m.get("list.tracked_through"), CellKind.DATE, 11)));
        LocalDate asOf = LocalDate.of(2025, 6, 10);
        long start = System.nanoTime();
        try (CountyListWriter w = new CountyListWriter(file, Lang.ZH, "福州", "鼓楼区", asOf, YearMonth.of(2025, 5))) {
            w.startSheet(spec);
            for (int i = 0; i < rows; i++) {
                w.addRow(String.format("S%011d", i), String.valueOf(13_800_000_000L + i), "客户" + (i % 9973),
                        "福州", "鼓楼区", "5G畅享套餐 129元", i % 3 == 0 ? "持续" : "新增",
                        BigDecimal.valueOf(12_900 + i % 20_000, 2), BigDecimal.valueOf(2_000 + i % 9_000, 2),
                        (long) (i % 1_200), BigDecimal.valueOf(i % 900, 1), BigDecimal.valueOf(i % 1_000, 3),
                        "经理" + (i % 57), asOf.minusDays(1));
            }
        }
        System.out.println("rows=" + rows + " millis=" + (System.nanoTime() - start) / 1_000_000);
    }
}
