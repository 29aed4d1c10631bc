package io.tenure.core.fourhigh;

import io.tenure.core.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tenure.core.testing.PlanBuilder.aPlan;
import static io.tenure.core.testing.SubscriberMonthBuilder.aSubscriberMonth;
import static org.assertj.core.api.Assertions.assertThat;

class FourHighModelTest {
    private final io.tenure.core.catalog.Plan p58 = aPlan().id("P58").fee(5800).voice(100).dataMb(10240).build();
    private final FourHighModel model = new FourHighModel(new Catalog(List.of(p58), List.of()), FourHighThresholds.DEFAULTS);

    @Test
    void aSubscriberCanCarrySeveralTags() {
        var m = aSubscriberMonth().onPlan(p58).usage(150, 20000, 0).dataOverage(4000).vasFee(3000).build();
        assertThat(model.evaluate(m).tags()).containsExactly(Tag.HIGH_DATA, Tag.HIGH_ARPU);
    }

    @Test
    void anOrdinaryMonthCarriesNoTag() {
        assertThat(model.evaluate(aSubscriberMonth().onPlan(p58).usage(80, 8000, 0).build()).isEmpty()).isTrue();
    }

    @Test
    void figuresExplainTheBestFitAndIdleServices() {
        var f = model.figures(aSubscriberMonth().onPlan(p58).usage(80, 8000, 0).build());
        assertThat(f.bestFitPlan()).isEqualTo(p58);
        assertThat(f.bestFitCost()).isEqualTo(5800);
        assertThat(f.voiceAllowance()).isEqualTo(100);
        assertThat(f.idlePaidVasCount()).isZero();
    }
}
