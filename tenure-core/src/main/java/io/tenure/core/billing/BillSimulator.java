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
                smsOverage(usage.sms(), plan.sms(), plan.smsRateCents()));
    }

    public static long cost(Tariff tariff, Usage usage) {
        return simulate(tariff, usage).totalCents();
    }

    /** max(0, used − allowance) × rate. */
    public static long voiceOverage(long usedMin, long allowanceMin, long rateCents) {
        return Math.max(0, usedMin - allowanceMin) * rateCents;
    }

    /** max(0, used − allowance) × rate per message. */
    public static long smsOverage(long used, long allowance, long rateCents) {
        return Math.max(0, used - allowance) * rateCents;
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
        return cost(plan, plan.monthlyFeeCents(), plan.voiceMin(), plan.dataMb(), usage);
    }

    /**
     * A month's cost on the plan's rates with these fees and allowances (the plan's plus any packs'), without
     * building a {@link Tariff} or a bill: for searches that price many combinations.
     */
    public static long cost(io.tenure.core.catalog.Plan plan, long fixedFeeCents, long voiceAllowance, long dataAllowanceMb,
                            Usage usage) {
        return fixedFeeCents
                + voiceOverage(usage.voiceMin(), voiceAllowance, plan.voiceRateCents())
                + dataOverage(usage.dataMicroMb(), dataAllowanceMb, plan.dataRatePerGbCents())
                + smsOverage(usage.sms(), plan.sms(), plan.smsRateCents());
    }
}
