package io.tenure.core.billing;

/** Kind of minimum-term agreement (在网约定). */
public enum ContractKind {
    /** Subsidised handset: no downgrade during the term. */
    HANDSET,
    /** Monthly minimum spend (保底). */
    MIN_SPEND,
    /** Fixed-mobile or family bundle: no downgrade during the term. */
    BUNDLE
}
