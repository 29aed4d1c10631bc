package io.tenure.core.care;

/** What the care does (rules §2 entry points). */
public enum CareAction {
    /** HIGH_TARIFF: a voice pack that costs less than the overage. */
    VOICE_PACK(true),
    /** HIGH_DATA: a data pack that costs less than the overage. */
    DATA_PACK(true),
    /** HIGH_TARIFF or HIGH_DATA: a plan with more minutes or data. */
    BIGGER_PLAN(true),
    /** HIGH_TARIFF from roaming: the roaming packs on the tariff list. */
    ROAMING_PACK(false),
    /** HIGH_ARPU: the plan that fits, with the minimum-spend top-up explained. */
    FITTING_PLAN(true),
    /** Unused minutes or data: a reminder, no upsell. */
    USAGE_REMINDER(false),
    /** Paid services not used: what they cost and how to cancel them in one step. */
    VAS_REVIEW(false),
    /** Early warning: a service notice before the bill, no offer. */
    BILL_NOTICE(false);

    private final boolean carriesOffer;

    CareAction(boolean carriesOffer) {
        this.carriesOffer = carriesOffer;
    }

    /** Whether the action offers a plan or pack (marketing), rather than informing (service). */
    public boolean carriesOffer() {
        return carriesOffer;
    }
}
