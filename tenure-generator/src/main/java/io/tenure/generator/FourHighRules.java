package io.tenure.generator;

import io.tenure.core.billing.BestFit;
import io.tenure.core.billing.Contract;
import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;
import io.tenure.core.catalog.Catalog;

import java.time.LocalDate;

/**
 * The default four-high conditions of rules §2, evaluated exactly (cents, integer comparisons) on
 * what the generator is about to write. The generator uses them twice: to steer a month away from
 * a tag it did not plant, and to record the ground truth in {@code generator.json}.
 */
final class FourHighRules {
    static final int TARIFF = 0;
    static final int DATA = 1;
    static final int SILENCE = 2;
    static final int ARPU = 3;
    static final String[] NAMES = {"HIGH_TARIFF", "HIGH_DATA", "HIGH_SILENCE", "HIGH_ARPU"};

    static final long TARIFF_MIN_CENTS = 3000;
    static final long DATA_MIN_CENTS = 2000;
    static final long ARPU_DOMESTIC_MIN_CENTS = 10000;
    static final long TOPUP_MIN_CENTS = 2000;
    static final long VAS_MIN_CENTS = 3000;
    static final int SILENCE_TENURE_DAYS = 90;
    static final int VAS_IDLE_DAYS = 60;

    private final BestFit bestFit;

    FourHighRules(Catalog catalog) {
        this.bestFit = new BestFit(catalog);
    }

    /** voice_overage + intl_roaming + idd ≥ 30.00 and that sum ≥ 25% of total_fee. */
    static boolean highTariff(long voiceOverage, long roaming, long idd, long total) {
        long s = voiceOverage + roaming + idd;
        return s >= TARIFF_MIN_CENTS && 4 * s >= total;
    }

    static boolean highData(long dataOverage) {
        return dataOverage >= DATA_MIN_CENTS;
    }

    /** The usage branch of HIGH_SILENCE: both below 20% of the included allowances (plan + addons). */
    static boolean silentUsage(Tariff t, long voiceMin, long dataMicroMb) {
        return t.plan().voiceMin() > 0 && t.plan().dataMb() > 0
                && 5 * voiceMin < t.voiceAllowance()
                && 5 * dataMicroMb < t.dataAllowanceMb() * Usage.MICROS_PER_MB;
    }

    /** Branch (a) of HIGH_ARPU: domestic ≥ 100.00 and best-fit plan cost ≤ 60% of it. */
    boolean overpaying(long domestic, Tariff t, Usage usage, Contract contract, LocalDate monthEnd) {
        if (domestic < ARPU_DOMESTIC_MIN_CENTS) {
            return false;
        }
        var best = bestFit.find(t.plan(), usage, contract, monthEnd);
        return best.isPresent() && 5 * best.get().costCents() <= 3 * domestic;
    }

    boolean highArpu(long domestic, long topup, long vasFee, Tariff t, Usage usage, Contract contract, LocalDate monthEnd) {
        return topup >= TOPUP_MIN_CENTS || vasFee >= VAS_MIN_CENTS || overpaying(domestic, t, usage, contract, monthEnd);
    }
}
