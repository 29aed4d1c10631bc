package io.tenure.core.billing;

import io.tenure.core.catalog.AddonKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tenure.core.testing.PlanBuilder.aPlan;
import static io.tenure.core.testing.PlanBuilder.anAddon;
import static org.assertj.core.api.Assertions.assertThat;

class BillSimulatorTest {
    private final Tariff plan58 = Tariff.of(aPlan().fee(5800).voice(100).dataMb(10240).sms(50)
            .voiceRate(19).dataRatePerGb(500).smsRate(10).build());

    @Test
    void chargesNothingBeyondTheFeeWithinAllowances() {
        assertThat(BillSimulator.simulate(plan58, Usage.ofMb(100, 10240, 50)))
                .isEqualTo(new SimulatedBill(5800, 0, 0, 0));
    }

    @Test
    void chargesEveryMinuteBeyondTheVoiceAllowance() {
        assertThat(BillSimulator.simulate(plan58, Usage.ofMb(101, 0, 0)).voiceOverageCents()).isEqualTo(19);
        assertThat(BillSimulator.simulate(plan58, Usage.ofMb(150, 0, 0)).voiceOverageCents()).isEqualTo(50 * 19);
    }

    @Test
    void chargesEachStartedGigabyte() {
        long allowance = 10240L * Usage.MICROS_PER_MB;
        assertThat(BillSimulator.simulate(plan58, new Usage(0, allowance + 1, 0)).dataOverageCents()).isEqualTo(500);
        assertThat(BillSimulator.simulate(plan58, new Usage(0, allowance + 1024 * Usage.MICROS_PER_MB, 0)).dataOverageCents())
                .isEqualTo(500);
        assertThat(BillSimulator.simulate(plan58, new Usage(0, allowance + 1024 * Usage.MICROS_PER_MB + 1, 0)).dataOverageCents())
                .isEqualTo(1000);
    }

    @Test
    void chargesSmsBeyondTheAllowance() {
        assertThat(BillSimulator.simulate(plan58, Usage.ofMb(0, 0, 53)).smsOverageCents()).isEqualTo(30);
    }

    @Test
    void countsAddonsInAllowancesAndFees() {
        var tariff = Tariff.of(plan58.plan(), List.of(anAddon("D10", AddonKind.DATA, 2000, 0, 10240),
                anAddon("V100", AddonKind.VOICE, 1000, 100, 0)));
        var bill = BillSimulator.simulate(tariff, Usage.ofMb(200, 20480, 0));
        assertThat(bill).isEqualTo(new SimulatedBill(5800 + 2000 + 1000, 0, 0, 0));
        assertThat(BillSimulator.cost(tariff, Usage.ofMb(201, 20481, 0))).isEqualTo(8800 + 19 + 500);
    }
}
