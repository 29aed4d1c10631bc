package io.tenure.core.fourhigh;

import io.tenure.core.billing.BestFit;
import io.tenure.core.catalog.Catalog;
import io.tenure.core.subscriber.VasSubscription;

import java.util.List;

/**
 * The four-high model of rules §2: evaluates every tag on a subscriber month and explains the figures.
 * Stateless after construction, safe to share between threads.
 */
public final class FourHighModel {
    private final FourHighThresholds thresholds;
    private final BestFit bestFit;
    private final List<FourHighRule> rules;
    private final HighSilenceRule silence;

    public FourHighModel(Catalog catalog, FourHighThresholds thresholds) {
        this.thresholds = thresholds;
        this.bestFit = new BestFit(catalog);
        this.silence = new HighSilenceRule(thresholds);
        this.rules = List.of(new HighTariffRule(thresholds), new HighDataRule(thresholds), silence,
                new HighArpuRule(thresholds, bestFit));
    }

    public FourHighThresholds thresholds() {
        return thresholds;
    }

    public List<FourHighRule> rules() {
        return rules;
    }

    /** The tags that hold in the month. */
    public TagSet evaluate(SubscriberMonth m) {
        int bits = 0;
        for (FourHighRule r : rules) {
            if (r.holds(m)) {
                bits |= 1 << r.tag().ordinal();
            }
        }
        return new TagSet(bits);
    }

    /** The figures that explain the month's tags (computed for published rows only: best fit is simulated). */
    public MonthFigures figures(SubscriberMonth m) {
        var bill = m.bill();
        var best = bestFit.find(m.tariff().plan(), m.usage(), m.contract(), m.monthEnd());
        var latest = m.monthEnd().minusDays(thresholds.silenceVasIdleDays());
        int idleCount = 0;
        long idleFee = 0;
        for (VasSubscription v : m.vas()) {
            if (v.idlePaidSince(latest)) {
                idleCount++;
                idleFee += v.monthlyFeeCents();
            }
        }
        return new MonthFigures(bill.totalFee(), bill.tariffFee(), bill.dataOverageFee(), bill.domestic(),
                bill.minSpendTopup(), bill.vasFee(), m.usage().voiceMin(), m.usage().dataMicroMb(),
                m.tariff().voiceAllowance(), m.tariff().dataAllowanceMb(),
                best.map(BestFit.Result::plan).orElse(null), best.map(BestFit.Result::costCents).orElse(-1L),
                idleCount, idleFee);
    }
}
