package io.tenure.report.bulletin;

import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BulletinRecordsTest {
    @Test
    void return_to_normal_rate_is_exited_over_held_last_month() {
        // 120 held last month: 90 stayed, 30 returned to normal; 40 new ones entered
        TagSummary s = new TagSummary(Tag.HIGH_DATA, 130, 40, 90, 40, 90, 30, 120);
        assertThat(s.returnToNormalRate()).isEqualTo(0.25);
        assertThat(new TagSummary(Tag.HIGH_ARPU, 5, 5, 0, 5, 0, 0, 0).returnToNormalRate()).isZero();
        assertThat(new TagSummary(Tag.HIGH_ARPU, 0, 0, 0, 0, 0, 7, 7).returnToNormalRate()).isEqualTo(1.0);
    }

    @Test
    void the_province_rate_pools_all_tags() {
        Bulletin b = bulletin(List.of(
                new TagSummary(Tag.HIGH_DATA, 130, 40, 90, 40, 90, 30, 120),
                new TagSummary(Tag.HIGH_TARIFF, 10, 10, 0, 10, 0, 80, 80)));
        assertThat(b.returnToNormalRate()).isCloseTo(110.0 / 200.0, within(1e-12));
        assertThat(bulletin(List.of()).returnToNormalRate()).isZero();
    }

    @Test
    void tag_summaries_must_add_up() {
        assertThatThrownBy(() -> new TagSummary(Tag.HIGH_DATA, 10, 5, 4, 5, 5, 0, 5))
                .isInstanceOf(TenureException.class).hasMessageContaining("new + persistent");
        assertThatThrownBy(() -> new TagSummary(Tag.HIGH_DATA, 10, 5, 5, 5, 4, 0, 4))
                .hasMessageContaining("entered + stayed");
        assertThatThrownBy(() -> new TagSummary(Tag.HIGH_DATA, 10, 5, 5, 5, 5, 1, 5))
                .hasMessageContaining("stayed + exited");
        assertThatThrownBy(() -> new TagSummary(Tag.HIGH_DATA, -1, 0, -1, 0, -1, 0, -1))
                .hasMessageContaining("negative");
    }

    @Test
    void county_trend_warning_and_feed_records_validate() {
        assertThatThrownBy(() -> new CountyTagCount("福州", "鼓楼区", Tag.HIGH_DATA, 11, 11, 0, 0, 10))
                .hasMessageContaining("exceeds evaluated");
        assertThatThrownBy(() -> new CountyTagCount("福州", " ", Tag.HIGH_DATA, 1, 1, 0, 0, 10))
                .hasMessageContaining("county");
        assertThat(new CountyTagCount("福州", "鼓楼区", Tag.HIGH_DATA, 15, 15, 0, 0, 2000).perThousand()).isEqualTo(7.5);
        assertThat(new TrendPoint(YearMonth.of(2025, 5), Tag.HIGH_DATA, 0, 0).perThousand()).isZero();
        assertThatThrownBy(() -> new EarlyWarningSummary(LocalDate.of(2025, 2, 9), 30, List.of()))
                .hasMessageContaining("28 days");
        assertThatThrownBy(() -> new EarlyWarningSummary(null, 30, List.of(
                new EarlyWarningCount("福州", "鼓楼区", Tag.HIGH_DATA, 3, BigDecimal.TEN))))
                .hasMessageContaining("without a tracked-through date");
        assertThatThrownBy(() -> new EarlyWarningCount("福州", "鼓楼区", Tag.HIGH_DATA, 3, new BigDecimal("-1")))
                .hasMessageContaining("projected fee");
        assertThatThrownBy(() -> new FeedCount("bills", 10, 8, 3, Map.of()))
                .hasMessageContaining("exceeds rows read");
        assertThat(new FeedCount("bills", 200, 190, 10, Map.of("x", 10L)).rejectRate()).isEqualTo(0.05);
    }

    @Test
    void the_bulletin_copies_its_collections_and_rejects_duplicates() {
        List<TagSummary> tags = new ArrayList<>(List.of(new TagSummary(Tag.HIGH_DATA, 1, 1, 0, 1, 0, 0, 0)));
        Map<String, String> thresholds = new HashMap<>(Map.of("高流量", "≥ 20.00 元"));
        Bulletin b = new Bulletin("福建", LocalDate.of(2025, 6, 10), YearMonth.of(2025, 5), "r", tags, List.of(),
                List.of(), new EarlyWarningSummary(null, 30, List.of()), List.of(), 10, 0, thresholds);
        tags.clear();
        thresholds.clear();
        assertThat(b.tags()).hasSize(1);
        assertThat(b.thresholds()).containsEntry("高流量", "≥ 20.00 元");
        assertThatThrownBy(() -> b.tags().add(null)).isInstanceOf(UnsupportedOperationException.class);

        TagSummary t = new TagSummary(Tag.HIGH_DATA, 1, 1, 0, 1, 0, 0, 0);
        assertThatThrownBy(() -> bulletin(List.of(t, t))).hasMessageContaining("summarised twice");
        assertThatThrownBy(() -> new Bulletin("福建", LocalDate.of(2025, 6, 10), YearMonth.of(2025, 6), "r",
                List.of(), List.of(), List.of(), new EarlyWarningSummary(null, 30, List.of()), List.of(), 0, 0,
                Map.of())).hasMessageContaining("before the as-of month");
        assertThatThrownBy(() -> new Bulletin("福建", LocalDate.of(2025, 6, 10), YearMonth.of(2025, 5), "r",
                List.of(), List.of(new CountyTagCount("福州", "鼓楼区", Tag.HIGH_DATA, 1, 1, 0, 0, 10),
                new CountyTagCount("福州", "鼓楼区", Tag.HIGH_ARPU, 1, 1, 0, 0, 11)), List.of(),
                new EarlyWarningSummary(null, 30, List.of()), List.of(), 0, 0, Map.of()))
                .hasMessageContaining("different evaluated counts");
    }

    static Bulletin bulletin(List<TagSummary> tags) {
        return new Bulletin("福建", LocalDate.of(2025, 6, 10), YearMonth.of(2025, 5), "r", tags, List.of(), List.of(),
                new EarlyWarningSummary(null, 30, List.of()), List.of(), 1_000, 0, Map.of());
    }
}
