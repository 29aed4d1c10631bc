package io.tenure.core.billing;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.tenure.core.testing.PlanBuilder.aPlan;
import static org.assertj.core.api.Assertions.assertThat;

class ContractTest {
    private static final LocalDate END = LocalDate.of(2026, 10, 31);

    @Test
    void isActiveUpToAndIncludingItsLastDay() {
        var c = new Contract(ContractKind.HANDSET, END, 0);
        assertThat(c.activeOn(END)).isTrue();
        assertThat(c.activeOn(END.plusDays(1))).isFalse();
        assertThat(Contract.NONE.activeOn(END)).isFalse();
    }

    @Test
    void floorsCostAtMinimumSpendWhileActive() {
        var c = new Contract(ContractKind.MIN_SPEND, END, 9900);
        assertThat(c.applyFloor(5800, END)).isEqualTo(9900);
        assertThat(c.applyFloor(12000, END)).isEqualTo(12000);
        assertThat(c.applyFloor(5800, END.plusDays(1))).isEqualTo(5800);
    }

    @Test
    void handsetAndBundleForbidDowngradeWhileActive() {
        var current = aPlan().id("P128").fee(12800).build();
        var cheaper = aPlan().id("P58").fee(5800).build();
        var dearer = aPlan().id("P198").fee(19800).build();
        for (var kind : new ContractKind[]{ContractKind.HANDSET, ContractKind.BUNDLE}) {
            var c = new Contract(kind, END, 0);
            assertThat(c.allowsPlan(cheaper, current, END)).isFalse();
            assertThat(c.allowsPlan(current, current, END)).isTrue();
            assertThat(c.allowsPlan(dearer, current, END)).isTrue();
            assertThat(c.allowsPlan(cheaper, current, END.plusDays(1))).isTrue();
        }
        assertThat(new Contract(ContractKind.MIN_SPEND, END, 100).allowsPlan(cheaper, current, END)).isTrue();
    }
}
