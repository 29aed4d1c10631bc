package io.tenure.generator;

import java.nio.charset.StandardCharsets;

/** ASCII codes of the contract, as bytes (identical in UTF-8, GBK and GB18030). */
final class Tokens {
    static final byte[] ACTIVE = b("ACTIVE");
    static final byte[] SUSPENDED = b("SUSPENDED");
    static final byte[] LOST = b("LOST");
    static final byte[] CANCELLED = b("CANCELLED");
    static final byte[][] STATUS = {ACTIVE, SUSPENDED, LOST, CANCELLED};
    static final byte[] PERSON = b("PERSON");
    static final byte[] ENTERPRISE = b("ENTERPRISE");
    static final byte[][] VIP = {b("NONE"), b("SILVER"), b("GOLD"), b("DIAMOND")};
    /** By {@link io.tenure.core.billing.ContractKind} ordinal. */
    static final byte[][] CONTRACT = {b("HANDSET"), b("MIN_SPEND"), b("BUNDLE")};
    static final byte[] M = b("M");
    static final byte[] F = b("F");
    static final byte[] HOTLINE = b("HOTLINE");
    static final byte[] APP = b("APP");
    static final byte[] STORE = b("STORE");
    static final byte[] REGULATOR = b("REGULATOR");
    static final byte[] SMS = b("SMS");
    static final byte[] CALL = b("CALL");
    static final byte[] MANAGER = b("MANAGER");
    static final byte[] MARKETING = b("MARKETING");
    static final byte[] SERVICE = b("SERVICE");
    static final byte[] SENT = b("SENT");
    static final byte[] DELIVERED = b("DELIVERED");
    static final byte[] ANSWERED = b("ANSWERED");
    static final byte[] ACCEPTED = b("ACCEPTED");
    static final byte[] DECLINED = b("DECLINED");
    static final byte[] UNREACHABLE = b("UNREACHABLE");
    static final byte[] OPTED_OUT = b("OPTED_OUT");
    static final byte[] QUERY = b("QUERY");
    static final byte[] AUTH_CODE = b("AUTH_CODE");
    static final byte[] PORT_OUT = b("PORT_OUT");
    static final byte[] PORT_IN = b("PORT_IN");
    static final byte[] CANCELLED_EVENT = CANCELLED;
    static final byte[] CUCC = b("CUCC");
    static final byte[] CTCC = b("CTCC");
    static final byte[] CBN = b("CBN");
    static final byte[] CMP = b("CMP");
    static final byte[] RETAIN = b("RETAIN");
    static final byte[] SVC_ALERT = b("SVC-ALERT");
    static final byte[] SVC_REMIND = b("SVC-REMIND");
    static final byte[] SVC_CARE = b("SVC-CARE");
    static final byte[] CP = b("CP");
    static final byte[] SV = b("SV");
    static final byte[] MNP = b("MNP");
    static final byte[] AM = b("AM");

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private Tokens() {
    }
}
