package io.tenure.core.fourhigh;

import org.junit.jupiter.api.Test;

import static io.tenure.core.testing.SubscriberMonthBuilder.aSubscriberMonth;
import static org.assertj.core.api.Assertions.assertThat;

class HighTariffRuleTest {
    private final FourHighRule rule = new HighTariffRule(FourHighThresholds.DEFAULTS);

    @Test
    void flagsHighTariffAtThirtyYuan() {
        assertThat(rule.holds(aSubscriberMonth().planFee(5800).voiceOverage(1000).roaming(1000).idd(1000).build())).isTrue();
        assertThat(rule.holds(aSubscriberMonth().planFee(5800).voiceOverage(1000).roaming(1000).idd(999).build())).isFalse();
    }

    @Test
    void requiresAQuarterOfTheTotalBill() {
        // 30.00 of a 120.00 bill is exactly 25%
        assertThat(rule.holds(aSubscriberMonth().planFee(9000).voiceOverage(3000).build())).isTrue();
        assertThat(rule.holds(aSubscriberMonth().planFee(9001).voiceOverage(3000).build())).isFalse();
    }

    @Test
    void ignoresDataOverage() {
        assertThat(rule.holds(aSubscriberMonth().planFee(1000).dataOverage(5000).build())).isFalse();
    }
}
