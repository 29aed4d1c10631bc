package io.tenure.engine.risk;

import io.tenure.core.catalog.Catalog;
import io.tenure.core.catalog.Network;
import io.tenure.core.catalog.Plan;
import io.tenure.core.catalog.PlanId;
import io.tenure.model.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PlanFitTest {
    // 19 yuan with 100 min and 1 GB, 0.15 a minute and 5 a GB beyond; 59 yuan with 500 min and 10 GB
    private static final Catalog CATALOG = new Catalog(List.of(
            new Plan(new PlanId("P19"), "19元", 1900, 100, 1024, 0, 15, 500, 10, Network.G4, true),
            new Plan(new PlanId("P59"), "59元", 5900, 500, 10240, 0, 15, 500, 10, Network.G4, true),
            new Plan(new PlanId("P09"), "9元内部", 900, 1000, 102400, 0, 15, 500, 10, Network.G4, false)), List.of());

    @Test
    void isTheMonthsSpendLessTheCheapestPublishedPlanForItsUsage() {
        PlanFit fit = new PlanFit(CATALOG);

        // 300 min, 3.5 GB: P19 costs 19 + 200 × 0.15 + 3 started GB × 5 = 64; P59 costs 59
        assertThat(fit.saving(88.0, 300, 3.5 * 1024, 0)).isCloseTo(88.0 - 59.0, within(1e-9));
        // 50 min, 0.5 GB: P19 at 19
        assertThat(fit.saving(19.0, 50, 512, 0)).isCloseTo(0.0, within(1e-9));
        assertThat(fit.saving(Double.NaN, 50, 512, 0)).isNaN();
    }

    @Test
    void fillsTheTrainingTablesColumnAndDropsTheHelpers() {
        Table t = new Table(List.of("plan_fit_saving", "pf_domestic", "pf_voice", "pf_data_mb", "pf_sms", "port_out"),
                Map.of("plan_fit_saving", new double[]{Double.NaN}, "pf_domestic", new double[]{88.0}, "pf_voice", new double[]{300},
                        "pf_data_mb", new double[]{3.5 * 1024}, "pf_sms", new double[]{0}, "port_out", new double[]{1}), Map.of(), 1);

        Table filled = new PlanFit(CATALOG).fill(t);

        assertThat(filled.names()).containsExactly("plan_fit_saving", "port_out");
        assertThat(filled.numbers("plan_fit_saving")[0]).isCloseTo(29.0, within(1e-9));
    }
}
