package io.tenure.core.testing;

import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.AddonId;
import io.tenure.core.catalog.AddonKind;
import io.tenure.core.catalog.Network;
import io.tenure.core.catalog.Plan;
import io.tenure.core.catalog.PlanId;

/** Test-data builder for plans: {@code aPlan().fee(5800).voice(100).dataMb(10240).build()}. */
public final class PlanBuilder {
    private String id = "P58";
    private long fee = 5800;
    private long voice = 100;
    private long dataMb = 10 * 1024;
    private long sms = 0;
    private long voiceRate = 19;
    private long dataRate = 500;
    private long smsRate = 10;
    private boolean published = true;

    public static PlanBuilder aPlan() {
        return new PlanBuilder();
    }

    public static Addon anAddon(String id, AddonKind kind, long feeCents, long voiceMin, long dataMb) {
        return new Addon(new AddonId(id), id, kind, feeCents, voiceMin, dataMb, true);
    }

    public PlanBuilder id(String v) { id = v; return this; }
    public PlanBuilder fee(long cents) { fee = cents; return this; }
    public PlanBuilder voice(long min) { voice = min; return this; }
    public PlanBuilder dataMb(long mb) { dataMb = mb; return this; }
    public PlanBuilder sms(long n) { sms = n; return this; }
    public PlanBuilder voiceRate(long cents) { voiceRate = cents; return this; }
    public PlanBuilder dataRatePerGb(long cents) { dataRate = cents; return this; }
    public PlanBuilder smsRate(long cents) { smsRate = cents; return this; }
    public PlanBuilder unpublished() { published = false; return this; }

    public Plan build() {
        return new Plan(new PlanId(id), "套餐" + id, fee, voice, dataMb, sms, voiceRate, dataRate, smsRate, Network.G5, published);
    }
}
