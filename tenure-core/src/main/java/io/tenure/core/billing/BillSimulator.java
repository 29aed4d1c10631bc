package io.tenure.core.billing;

/**
 * Bill simulation of rules §1: what a month of usage costs on a plan with addons.
 * Integer arithmetic throughout: money in cents, data in millionths of a MB.
 */
public final class BillSimulator {
    private static final long MICROS_PER_GB = 1024L * Usage.MICROS_PER_MB;

    private BillSimulator() {
    }

    public static SimulatedBill simulate(Tariff tariff, Usage usage) {
        var plan = tariff.plan();
        return new SimulatedBill(
                tariff.fixedFeeCents(),
                voiceOverage(usage.voiceMin(), tariff.voiceAllowance(), plan.voiceRateCents()),
                dataOverage(usage.dataMicroMb(), tariff.dataAllowanceMb(), plan.dataRatePerGbCents()),
                Math.max(0, usage.sms() - plan.sms()) * plan.smsRateCents());
    }

    public static long cost(Tariff tariff, Usage usage) {
        return simulate(tariff, usage).totalCents();
    }

    /** max(0, used − allowance) × rate. */
    public static long voiceOverage(long usedMin, long allowanceMin, long rateCents) {
        return Math.max(0, usedMin - allowanceMin) * rateCents;
    }

    /** ceil(max(0, used − allowance) / 1024 MB) × rate per started GB. */
    public static long dataOverage(long usedMicroMb, long allowanceMb, long ratePerGbCents) {
        return startedGb(usedMicroMb - allowanceMb * Usage.MICROS_PER_MB) * ratePerGbCents;
    }

    /** Number of started GB in an excess given in millionths of a MB (0 when not positive). */
    public static long startedGb(long excessMicroMb) {
        return excessMicroMb <= 0 ? 0 : (excessMicroMb + MICROS_PER_GB - 1) / MICROS_PER_GB;
    }

    /** Full cost of the plan alone (no addons): the candidate cost used by best fit. */
    static long planCost(io.tenure.core.catalog.Plan plan, Usage usage) {
        return plan.monthlyFeeCents()
                + voiceOverage(usage.voiceMin(), plan.voiceMin(), plan.voiceRateCents())
                + dataOverage(usage.dataMicroMb(), plan.dataMb(), plan.dataRatePerGbCents())
                + Math.max(0, usage.sms() - plan.sms()) * plan.smsRateCents();
    }
}
