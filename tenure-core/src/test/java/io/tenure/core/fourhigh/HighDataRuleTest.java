package io.tenure.core.fourhigh;

import org.junit.jupiter.api.Test;

import static io.tenure.core.testing.SubscriberMonthBuilder.aSubscriberMonth;
import static org.assertj.core.api.Assertions.assertThat;

class HighDataRuleTest {
    private final FourHighRule rule = new HighDataRule(FourHighThresholds.DEFAULTS);

    @Test
    void flagsHighDataAtThreshold() {
        assertThat(rule.holds(aSubscriberMonth().dataOverage(2000).build())).isTrue();
        assertThat(rule.holds(aSubscriberMonth().dataOverage(2001).build())).isTrue();
    }

    @Test
    void doesNotFlagOneCentBelow() {
        assertThat(rule.holds(aSubscriberMonth().dataOverage(1999).build())).isFalse();
    }
}
