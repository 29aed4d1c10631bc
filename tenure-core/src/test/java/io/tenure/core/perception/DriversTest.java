package io.tenure.core.perception;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DriversTest {
    @Test
    void recoversEachFactorsNetEffectWithIntervalsThatHoldIt() {
        Random r = new Random(5);
        int n = 20000;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double tag = r.nextDouble() < 0.2 ? 1 : 0;
            double complaints = r.nextDouble() < 0.1 + 0.2 * tag ? 1 : 0; // correlated with the tag
            double constantPerCustomer = 3;
            x[i] = new double[]{tag, complaints, constantPerCustomer};
            y[i] = 8.2 - 1.5 * tag - 0.6 * complaints + r.nextGaussian() * 1.1;
        }
        Drivers.Fit fit = Drivers.fit(List.of("tag", "complaint", "constant"), x, y);

        assertThat(fit.effects()).extracting(Drivers.Effect::factor).containsExactly("tag", "complaint");
        Drivers.Effect tag = fit.effects().get(0);
        assertThat(tag.estimate()).isCloseTo(-1.5, within(0.06));
        assertThat(tag.low()).isLessThan(-1.5);
        assertThat(tag.high()).isGreaterThan(-1.5);
        assertThat(tag.significant()).isTrue();
        assertThat(tag.share()).isCloseTo(0.2, within(0.02));
        assertThat(fit.effects().get(1).estimate()).isCloseTo(-0.6, within(0.08));
        assertThat(fit.n()).isEqualTo(n);
    }

    @Test
    void aFactorWithoutEffectHasAnIntervalAroundZero() {
        Random r = new Random(6);
        int n = 5000;
        double[][] x = new double[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextInt(2);
            y[i] = 7 + r.nextGaussian();
        }
        Drivers.Effect e = Drivers.fit(List.of("noise"), x, y).effects().get(0);
        assertThat(e.low()).isLessThan(0);
        assertThat(e.high()).isGreaterThan(0);
        assertThat(e.significant()).isFalse();
    }
}
