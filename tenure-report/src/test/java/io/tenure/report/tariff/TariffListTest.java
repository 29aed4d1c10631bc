package io.tenure.report.tariff;

import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.AddonId;
import io.tenure.core.catalog.AddonKind;
import io.tenure.core.catalog.Catalog;
import io.tenure.core.catalog.Network;
import io.tenure.core.catalog.Plan;
import io.tenure.core.catalog.PlanId;
import io.tenure.report.Lang;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TariffListTest {
    private static final Catalog CATALOG = new Catalog(List.of(
            plan("P99", "5G畅享99元", 9900, true), plan("P19", "4G流量卡19元", 1900, true),
            plan("OLD8", "8元老套餐", 800, false), plan("P59", "5G智享59元", 5900, true)),
            List.of(new Addon(new AddonId("D10"), "10GB流量包", AddonKind.DATA, 2000, 0, 10240, true),
                    new Addon(new AddonId("V1"), "内部语音包", AddonKind.VOICE, 100, 1000, 0, false),
                    new Addon(new AddonId("V3"), "300分钟语音包", AddonKind.VOICE, 1500, 300, 0, true)));

    @TempDir
    Path dir;

    @Test
    void theWorkbookListsPublishedPlansCheapestFirstWithEveryRate() throws Exception {
        Path file = dir.resolve("tariffs.xlsx");
        new TariffList(Lang.ZH).writeXlsx(CATALOG, "中国联通福建", LocalDate.of(2026, 11, 22), file);

        try (var wb = new XSSFWorkbook(file.toFile())) {
            var plans = wb.getSheet("在售套餐");
            assertThat(plans.getLastRowNum()).isEqualTo(4); // title, header, three published plans
            assertThat(List.of(2, 3, 4)).extracting(r -> plans.getRow(r).getCell(1).getStringCellValue())
                    .containsExactly("P19", "P59", "P99");
            assertThat(plans.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(19.0);
            assertThat(plans.getRow(2).getCell(8).getNumericCellValue()).isEqualTo(5.0);
            var packs = wb.getSheet("加装包");
            assertThat(packs.getLastRowNum()).isEqualTo(3);
            assertThat(wb.getSheet("计费规则").getRow(0).getCell(0).getStringCellValue()).contains("没有任何未列出的收费项目");
        }
    }

    @Test
    void thePageNeverShowsAnUnpublishedItem() {
        String html = new TariffList(Lang.ZH).html(CATALOG, "中国联通福建", LocalDate.of(2026, 11, 22));

        assertThat(html).contains("4G流量卡19元", "5G智享59元", "5G畅享99元", "10GB流量包", "300分钟语音包")
                .doesNotContain("8元老套餐", "OLD8", "内部语音包");
        assertThat(html.indexOf("4G流量卡19元")).isLessThan(html.indexOf("5G智享59元"));
    }

    private static Plan plan(String id, String name, long fee, boolean published) {
        return new Plan(new PlanId(id), name, fee, 100, 10240, 0, 15, 500, 10, Network.G5, published);
    }
}
