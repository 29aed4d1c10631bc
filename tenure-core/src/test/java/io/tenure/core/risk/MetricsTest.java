package io.tenure.core.risk;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {
    @Test
    void aucIsTheShareOfPositiveNegativePairsOrderedRightWithTiesHalf() {
        double[] s = {0.9, 0.8, 0.7, 0.7, 0.2, 0.1};
        boolean[] y = {true, false, true, false, true, false};
        // pairs (pos, neg): 0.9 beats all 3; 0.7 beats 0.1, ties 0.7, loses to 0.8 → 1.5; 0.2 beats 0.1 → 1
        assertThat(new Metrics(s, y).auc()).isCloseTo((3 + 1.5 + 1) / 9.0, within(1e-12));
    }

    @Test
    void aucAgreesWithCountingEveryPairOnRandomScores() {
        Random r = new Random(1);
        double[] s = new double[500];
        boolean[] y = new boolean[500];
        for (int i = 0; i < s.length; i++) {
            y[i] = r.nextInt(4) == 0;
            s[i] = Math.round((r.nextDouble() + (y[i] ? 0.3 : 0)) * 20) / 20.0; // many ties
        }
        double won = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (y[i] && !y[j]) {
                    pairs++;
                    won += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertThat(new Metrics(s, y).auc()).isCloseTo(won / pairs, within(1e-12));
    }

    @Test
    void averagePrecisionLiftAndAccuracy() {
        double[] s = {0.9, 0.8, 0.6, 0.4, 0.3, 0.2, 0.15, 0.1, 0.05, 0.01};
        boolean[] y = {true, false, true, false, false, false, false, false, false, false};
        Metrics m = new Metrics(s, y);
        assertThat(m.prAuc()).isCloseTo((1.0 + 2.0 / 3) / 2, within(1e-12));
        assertThat(m.topDecileLift()).isCloseTo(1.0 / 0.2, within(1e-12));
        assertThat(m.accuracy(0.5)).isCloseTo(0.9, within(1e-12));
        assertThat(m.thresholds()).hasSize(19);
        assertThat(m.calibration()).extracting(Metrics.Bin::count).containsExactly(2, 2, 1, 1, 1, 0, 1, 0, 1, 1);
    }

    @Test
    void plattScalingRecoversALogisticLink() {
        Random r = new Random(2);
        int n = 20000;
        double[] m = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            m[i] = r.nextGaussian() * 2;
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-(0.5 * m[i] - 1)));
        }
        Platt p = Platt.fit(m, y);
        assertThat(p.a()).isCloseTo(0.5, within(0.05));
        assertThat(p.b()).isCloseTo(-1, within(0.06));
        assertThat(p.probability(2)).isCloseTo(0.5, within(0.03));
    }

    @Test
    void bandsByCutOffs() {
        assertThat(RiskBands.DEFAULTS.band(0.20)).isEqualTo(RiskBands.Band.HIGH);
        assertThat(RiskBands.DEFAULTS.band(0.19)).isEqualTo(RiskBands.Band.MEDIUM);
        assertThat(RiskBands.DEFAULTS.band(0.049)).isEqualTo(RiskBands.Band.LOW);
    }
}
