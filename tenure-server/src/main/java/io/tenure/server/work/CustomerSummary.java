package io.tenure.server.work;

/** What an agent sees of the customer before the call, masked: phone, name, VIP level, plan, status and consent. */
public record CustomerSummary(String phone, String name, String vipLevel, String planName, String status,
                              boolean marketingConsent, boolean dnd, boolean optedOut) {
}
