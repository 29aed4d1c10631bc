package io.tenure.report;

import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.Level;
import io.tenure.core.fourhigh.Movement;
import io.tenure.core.fourhigh.Tag;
import io.tenure.report.xlsx.SheetSpec;
import io.tenure.report.xlsx.ColumnSpec;
import io.tenure.report.xlsx.CellKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagesTest {
    static final List<String> LIST_COLUMNS = List.of("subscriber_id", "msisdn", "customer_name", "city", "county",
            "vip_level", "plan", "tag", "level", "movement", "total_fee", "tariff_fee", "tariff_share",
            "data_overage_fee", "voice_min", "data_gb", "voice_use", "data_use", "idle_vas", "domestic",
            "best_fit_cost", "best_fit_plan", "saving", "min_spend_topup", "vas_fee", "account_manager",
            "projected_fee", "projected_data_gb", "projected_voice_min", "tracked_through");

    @Test
    void both_languages_have_the_same_keys_and_no_empty_text() {
        Messages zh = Messages.of(Lang.ZH);
        Messages en = Messages.of(Lang.EN);
        assertThat(en.keys()).isEqualTo(zh.keys());
        for (Messages m : List.of(zh, en)) {
            for (String k : m.keys()) {
                assertThat(m.get(k)).as(k).isNotBlank();
            }
        }
    }

    @Test
    void list_columns_sheets_tags_levels_and_movements_are_translated() {
        Messages zh = Messages.of(Lang.ZH);
        Messages en = Messages.of(Lang.EN);
        for (String c : LIST_COLUMNS) {
            assertThat(zh.has("list." + c)).as(c).isTrue();
            assertThat(en.get("list." + c)).as(c).isNotEqualTo(zh.get("list." + c));
        }
        assertThat(zh.get("list.msisdn")).isEqualTo("手机号码");
        assertThat(zh.get("list.tariff_fee")).isEqualTo("语音超套+漫游+国际");
        assertThat(zh.get("list.data_gb")).isEqualTo("流量(GB)");
        assertThat(en.get("list.msisdn")).isEqualTo("Mobile number");
        for (String s : List.of("HIGH_TARIFF", "HIGH_DATA", "HIGH_SILENCE", "HIGH_ARPU", "EXITED", "EARLY_WARNING")) {
            for (Messages m : List.of(zh, en)) {
                String name = m.get("sheet." + s);
                // every sheet name is usable as is
                new SheetSpec(name, "t", List.of(new ColumnSpec("h", CellKind.TEXT, 5)));
            }
        }
        assertThat(zh.get("sheet.EXITED")).isEqualTo("回归正常");
        assertThat(zh.get("sheet.EARLY_WARNING")).isEqualTo("预警");
        for (Tag t : Tag.values()) {
            assertThat(zh.tag(t)).isEqualTo(t.chinese());
            assertThat(en.tag(t)).isEqualTo(t.english());
        }
        assertThat(zh.level(Level.NEW)).isEqualTo("新增");
        assertThat(zh.level(Level.PERSISTENT)).isEqualTo("持续");
        assertThat(zh.movement(Movement.ENTERED)).isEqualTo("新进入");
        assertThat(zh.movement(Movement.STAYED)).isEqualTo("保持");
        assertThat(zh.movement(Movement.EXITED)).isEqualTo("回归正常");
        assertThat(en.movement(Movement.EXITED)).isEqualTo("Returned to normal");
    }

    @Test
    void arguments_are_filled_in_and_numbers_grouped() {
        assertThat(Messages.of(Lang.ZH).get("bulletin.kpi.evaluated.note", 1234567L)).isEqualTo("另有 1,234,567 户无账单未评估");
        assertThat(Messages.of(Lang.EN).get("bulletin.warnings.tracked", "2025-06-09", 9, 30))
                .startsWith("Tracked through 2025-06-09 (day 9 of 30)");
        assertThatThrownBy(() -> Messages.of(Lang.ZH).get("no.such.key")).isInstanceOf(TenureException.class)
                .hasMessageContaining("no.such.key");
    }

    @Test
    void languages_parse_from_common_spellings() {
        for (String s : List.of("zh", "ZH", "zh-CN", "zh_CN", "zh-Hans", " cn ", "中文", "chinese")) {
            assertThat(Lang.parse(s)).as(s).isEqualTo(Lang.ZH);
        }
        for (String s : List.of("en", "EN", "en-US", "en_GB", "english")) {
            assertThat(Lang.parse(s)).as(s).isEqualTo(Lang.EN);
        }
        assertThatThrownBy(() -> Lang.parse("fr")).isInstanceOf(TenureException.class).hasMessageContaining("'fr'");
        assertThatThrownBy(() -> Lang.parse(null)).isInstanceOf(TenureException.class);
    }
}
