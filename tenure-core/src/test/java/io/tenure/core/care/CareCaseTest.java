package io.tenure.core.care;

import io.tenure.core.fourhigh.Tag;
import io.tenure.core.subscriber.VasSubscription;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static io.tenure.core.testing.PlanBuilder.aPlan;
import static io.tenure.core.testing.SubscriberMonthBuilder.aSubscriberMonth;
import static org.assertj.core.api.Assertions.assertThat;

class CareCaseTest {

    @Test
    void takesUnusedAllowancesIdleServicesAndRoamingFromTheMonth() {
        var month = aSubscriberMonth().month(YearMonth.of(2026, 10))
                .onPlan(aPlan().fee(5800).voice(300).dataMb(10 * 1024).build())
                .usage(120, 3 * 1024, 0)
                .vas(new VasSubscription("V1", "彩铃", 500, LocalDate.of(2026, 8, 1), 0))      // idle 91 days
                .vas(new VasSubscription("V2", "手机报", 300, LocalDate.of(2026, 9, 15), 0))   // too recent
                .vas(new VasSubscription("V3", "视频会员", 1500, LocalDate.of(2026, 1, 1), 4)) // used
                .roaming(4000).idd(500).totalFee(12300).build();

        CareCase c = CareCase.ofMonth(Tag.HIGH_SILENCE, null, month, 60, "SILVER", false, true);

        assertThat(c.unusedVoiceMin()).isEqualTo(180);
        assertThat(c.unusedDataMb()).isEqualTo(7 * 1024);
        assertThat(c.idleServices()).containsExactly("彩铃");
        assertThat(c.roamingFeeCents()).isEqualTo(4500);
        assertThat(c.monthlyBillCents()).isEqualTo(12300);
        assertThat(c.doNotDisturb()).isTrue();
        assertThat(c.advice().options()).isEmpty();
    }

    @Test
    void countsNothingUnusedWhenTheMonthWentOver() {
        var month = aSubscriberMonth().onPlan(aPlan().voice(100).dataMb(1024).build()).usage(400, 5 * 1024, 0).build();

        CareCase c = CareCase.ofMonth(Tag.HIGH_DATA, null, month, 60, "NONE", false, false);

        assertThat(c.unusedVoiceMin()).isZero();
        assertThat(c.unusedDataMb()).isZero();
    }
}
