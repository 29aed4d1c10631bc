package io.tenure.generator;

import io.tenure.core.billing.Tariff;
import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.AddonId;
import io.tenure.core.catalog.AddonKind;
import io.tenure.core.catalog.Catalog;
import io.tenure.core.catalog.Network;
import io.tenure.core.catalog.Plan;
import io.tenure.core.catalog.PlanId;

import java.util.ArrayList;
import java.util.List;

/**
 * The tariff catalogue of the synthetic operator, shaped like today's Chinese 4G/5G plans, with every
 * plan × addon combination a subscriber may hold precomputed as a core {@link Tariff}.
 *
 * <p>Published plans form ladders whose allowances grow with the fee, so that a subscriber using
 * most of the allowance is never "overpaying" in the sense of rules §2 (HIGH_ARPU needs a best-fit
 * plan at ≤ 60% of the bill); the planted HIGH_ARPU cases come from low usage, not from a dominated plan.
 */
final class ProvinceCatalog {
    static final int GB = 1024;

    final Catalog catalog;
    final List<Plan> plans;
    final List<Addon> addons;
    /** Addon index sets a subscriber can hold: none, any single pack, or one data plus one voice pack. */
    final int[][] combos;
    /** tariffs[plan][combo]. */
    final Tariff[][] tariffs;
    /** Indexes of published plans in fee order. */
    final int[] publishedByFee;
    /** Indexes of legacy (unpublished) plans. */
    final int[] legacy;

    ProvinceCatalog() {
        plans = List.of(
                // 4G 飞享: small bundles, 0.19 yuan/min and 5 yuan per started GB beyond the allowance
                plan("P4G29", "4G飞享套餐29元", 2900, 50, 5 * GB, 0, 19, 500, Network.G4, true),
                plan("P4G39", "4G飞享套餐39元", 3900, 100, 10 * GB, 0, 19, 500, Network.G4, true),
                plan("P4G49", "4G飞享套餐49元", 4900, 150, 15 * GB, 0, 19, 500, Network.G4, true),
                plan("P4G59", "4G飞享套餐59元", 5900, 200, 20 * GB, 0, 19, 500, Network.G4, true),
                plan("P4G69", "4G飞享套餐69元", 6900, 200, 25 * GB, 0, 19, 500, Network.G4, true),
                // 4G 畅聊: voice-heavy
                plan("P4GC38", "4G畅聊套餐38元", 3800, 200, 2 * GB, 0, 15, 500, Network.G4, true),
                plan("P4GC58", "4G畅聊套餐58元", 5800, 300, 5 * GB, 0, 15, 500, Network.G4, true),
                plan("P4GC88", "4G畅聊套餐88元", 8800, 600, 10 * GB, 0, 15, 500, Network.G4, true),
                plan("P4GC118", "4G畅聊套餐118元", 11800, 1000, 15 * GB, 0, 15, 500, Network.G4, true),
                // 4G data card: no included minutes (the silence rule's usage branch does not apply)
                plan("P4GL19", "4G流量卡19元", 1900, 0, 10 * GB, 0, 15, 500, Network.G4, true),
                // 5G 智享: data-heavy, 0.15 yuan/min, 3 yuan/GB
                plan("P5GZ59", "5G智享套餐59元", 5900, 100, 20 * GB, 0, 15, 300, Network.G5, true),
                plan("P5GZ79", "5G智享套餐79元", 7900, 200, 30 * GB, 0, 15, 300, Network.G5, true),
                plan("P5GZ99", "5G智享套餐99元", 9900, 300, 40 * GB, 0, 15, 300, Network.G5, true),
                plan("P5GZ119", "5G智享套餐119元", 11900, 300, 50 * GB, 0, 15, 300, Network.G5, true),
                plan("P5GZ139", "5G智享套餐139元", 13900, 400, 60 * GB, 0, 15, 300, Network.G5, true),
                plan("P5GZ169", "5G智享套餐169元", 16900, 500, 80 * GB, 0, 15, 300, Network.G5, true),
                plan("P5GZ199", "5G智享套餐199元", 19900, 600, 100 * GB, 0, 15, 300, Network.G5, true),
                plan("P5GZ239", "5G智享套餐239元", 23900, 800, 120 * GB, 0, 15, 300, Network.G5, true),
                // 5G 畅享: voice and data
                plan("P5G129", "5G畅享套餐129元", 12900, 500, 30 * GB, 100, 15, 300, Network.G5, true),
                plan("P5G159", "5G畅享套餐159元", 15900, 700, 40 * GB, 100, 15, 300, Network.G5, true),
                plan("P5G199", "5G畅享套餐199元", 19900, 1000, 60 * GB, 200, 15, 300, Network.G5, true),
                plan("P5G239", "5G畅享套餐239元", 23900, 1200, 80 * GB, 200, 15, 300, Network.G5, true),
                plan("P5G299", "5G畅享套餐299元", 29900, 1500, 100 * GB, 300, 15, 300, Network.G5, true),
                plan("P5G398", "5G畅享套餐398元", 39800, 3000, 150 * GB, 500, 15, 300, Network.G5, true),
                // 5G 全家享: family plans
                plan("P5GJ128", "5G全家享套餐128元", 12800, 500, 40 * GB, 100, 15, 300, Network.G5, true),
                plan("P5GJ188", "5G全家享套餐188元", 18800, 1000, 80 * GB, 200, 15, 300, Network.G5, true),
                plan("P5GJ288", "5G全家享套餐288元", 28800, 2000, 150 * GB, 300, 15, 300, Network.G5, true),
                // legacy plans withdrawn from sale, still carried by long-tenure subscribers
                plan("PL4G58", "4G飞享套餐58元(老)", 5800, 150, 500, 0, 19, 500, Network.G4, false),
                plan("PL4G88", "4G飞享套餐88元(老)", 8800, 300, GB, 0, 19, 500, Network.G4, false),
                plan("PL4G138", "4G飞享套餐138元(老)", 13800, 500, 2 * GB, 50, 19, 500, Network.G4, false),
                plan("PL4G188", "全球通188元(老)", 18800, 1000, 3 * GB, 100, 19, 500, Network.G4, false),
                plan("PL5G128", "5G套餐128元(2019版)", 12800, 200, 30 * GB, 0, 19, 300, Network.G5, false));
        addons = List.of(
                addon("A_DATA5", "5GB流量包", AddonKind.DATA, 1000, 0, 5 * GB, true),
                addon("A_DATA10", "10GB流量包", AddonKind.DATA, 2000, 0, 10 * GB, true),
                addon("A_DATA30", "30GB流量包", AddonKind.DATA, 3000, 0, 30 * GB, true),
                addon("A_DATA1L", "1GB流量包(老)", AddonKind.DATA, 1000, 0, GB, false),
                addon("A_DATA3L", "3GB流量包(老)", AddonKind.DATA, 2000, 0, 3 * GB, false),
                addon("A_VOICE100", "100分钟语音包", AddonKind.VOICE, 1000, 100, 0, true),
                addon("A_VOICE300", "300分钟语音包", AddonKind.VOICE, 2500, 300, 0, true),
                addon("A_VOICE500", "500分钟语音包", AddonKind.VOICE, 4000, 500, 0, true),
                addon("A_VOICE200L", "200分钟语音包(老)", AddonKind.VOICE, 2000, 200, 0, false));
        catalog = new Catalog(plans, addons);

        List<int[]> c = new ArrayList<>();
        c.add(new int[0]);
        for (int a = 0; a < addons.size(); a++) {
            c.add(new int[] {a});
        }
        for (int d = 0; d < addons.size(); d++) {
            for (int v = 0; v < addons.size(); v++) {
                if (addons.get(d).kind() == AddonKind.DATA && addons.get(v).kind() == AddonKind.VOICE) {
                    c.add(new int[] {d, v});
                }
            }
        }
        combos = c.toArray(new int[0][]);
        tariffs = new Tariff[plans.size()][combos.length];
        for (int p = 0; p < plans.size(); p++) {
            for (int k = 0; k < combos.length; k++) {
                List<Addon> list = new ArrayList<>();
                for (int a : combos[k]) {
                    list.add(addons.get(a));
                }
                tariffs[p][k] = Tariff.of(plans.get(p), list);
            }
        }
        publishedByFee = catalog.publishedPlansByFee().stream().mapToInt(plans::indexOf).toArray();
        legacy = java.util.stream.IntStream.range(0, plans.size()).filter(i -> !plans.get(i).published()).toArray();
    }

    /** Combination index holding exactly the given addons (in the order data, voice), or -1. */
    int combo(int... addonIdx) {
        for (int k = 0; k < combos.length; k++) {
            if (java.util.Arrays.equals(combos[k], addonIdx)) {
                return k;
            }
        }
        return -1;
    }

    int addonIndex(String id) {
        for (int a = 0; a < addons.size(); a++) {
            if (addons.get(a).id().value().equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static Plan plan(String id, String name, long fee, long voice, long dataMb, long sms, long voiceRate,
                             long dataRate, Network network, boolean published) {
        return new Plan(new PlanId(id), name, fee, voice, dataMb, sms, voiceRate, dataRate, 10, network, published);
    }

    private static Addon addon(String id, String name, AddonKind kind, long fee, long voice, long dataMb, boolean published) {
        return new Addon(new AddonId(id), name, kind, fee, voice, dataMb, published);
    }
}
