package io.tenure.core.care;

import io.tenure.core.advice.Advice;
import io.tenure.core.catalog.Addon;
import io.tenure.core.error.TenureException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The care playbook (关怀话术, rules §2 entry points): for a four-high tag or an early warning, the care action,
 * the offer from the advisor when the action carries one, a channel, an SMS and a call script. The words are
 * templates given by the caller (configuration, one language), with {@code {name}} placeholders:
 * <ul>
 *   <li>{@code sms.<ACTION>}: the SMS body; {@code sms.sender} and {@code sms.opt-out} are appended to every SMS;</li>
 *   <li>{@code call.opening}, {@code call.needs.<ACTION>}, {@code call.offer.<ACTION>}, {@code call.objection},
 *       {@code call.closing}: the five parts of the agent's script (opening, objection and closing are the same for
 *       every customer and may use {@code {sender}} only);</li>
 *   <li>{@code reason.DATA_GB}, {@code reason.VOICE_MIN}: why, from the customer's months, with {@code over},
 *       {@code months}, {@code least}, {@code most}, {@code range} (least–most, or one number when equal) (e.g. 3 of 3 months over the data allowance by 4–7 GB).</li>
 * </ul>
 * Placeholders: {@code saving} (yuan a month), {@code plan}, {@code pack} (the offer's packs, the action's kind
 * first), {@code offer} (plan and packs), {@code gb} (the most GB over the
 * data allowance), {@code minutes} (the most minutes over the voice allowance), {@code unused-minutes},
 * {@code unused-gb}, {@code services}, {@code fee} (the projected bill, yuan), {@code sender}.
 */
public final class Playbook {
    /** Characters of one SMS segment of Chinese text; longer texts go as segments of 67 (the rest is the header). */
    public static final int SEGMENT = 70;
    static final int CONCATENATED_SEGMENT = 67;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");
    private static final Set<String> CARE_VALUES = Set.of("sender", "saving", "plan", "pack", "offer", "gb", "minutes",
            "unused-minutes", "unused-gb", "services", "fee");
    private static final Set<String> REASON_VALUES = Set.of("over", "months", "least", "most", "range");
    /** The parts of the call script that are the same for every customer: they may use {sender} only. */
    private static final List<String> COMMON_PARTS = List.of("call.opening", "call.objection", "call.closing");
    private final Map<String, String> templates;
    private final Map<String, Template> compiled;
    private final String sender;

    public Playbook(Map<String, String> templates, String sender) {
        this.templates = Map.copyOf(templates);
        this.sender = sender;
        for (CareAction a : CareAction.values()) {
            template("sms." + a.name());
            template("call.needs." + a.name());
            template("call.offer." + a.name());
        }
        for (String k : List.of("sms.sender", "sms.opt-out", "call.opening", "call.objection", "call.closing",
                "reason.DATA_GB", "reason.VOICE_MIN", "reason.separator")) {
            template(k);
        }
        Map<String, Template> parsed = new java.util.HashMap<>();
        this.templates.forEach((k, t) -> parsed.put(k, Template.parse(k, t, k.startsWith("reason.") ? REASON_VALUES
                : COMMON_PARTS.contains(k) ? Set.of("sender") : CARE_VALUES)));
        this.compiled = Map.copyOf(parsed);
    }

    /** The care for one case. */
    public Care plan(CareCase c) {
        CareAction action = action(c);
        Optional<Advice.Option> offer = action.carriesOffer() ? c.offer() : Optional.empty();
        Channel channel = action == CareAction.BILL_NOTICE ? Channel.SMS : channel(c);
        Map<String, String> values = values(c, offer, action);
        String sms = render("sms." + action.name(), values) + render("sms.sender", values) + render("sms.opt-out", values);
        List<String> script = List.of(render("call.opening", values), render("call.needs." + action.name(), values),
                render("call.offer." + action.name(), values), render("call.objection", values),
                render("call.closing", values));
        // an offer is marketing: not for customers who refused it; a notice or a reminder is service
        boolean allowed = !(c.doNotDisturb() && action.carriesOffer());
        return new Care(action, offer, channel, sms, segments(sms), script, allowed, why(c.reasons()));
    }

    /**
     * Opening, objection handling and closing: the parts of every call script that do not depend on the customer
     * (published once beside the lists, where each row carries its needs and offer).
     */
    public List<String> commonScript() {
        Map<String, String> v = Map.of("sender", sender);
        return COMMON_PARTS.stream().map(k -> render(k, v)).toList();
    }

    /** The reasons in words, joined by {@code reason.separator}; empty when the months show none. */
    public String why(List<Advice.Reason> reasons) {
        StringBuilder out = new StringBuilder();
        for (Advice.Reason r : reasons) {
            if (!out.isEmpty()) {
                out.append(template("reason.separator"));
            }
            String range = r.least() == r.most() ? String.valueOf(r.most()) : r.least() + "–" + r.most();
            out.append(render("reason." + r.what().name(), Map.of("over", String.valueOf(r.over()),
                    "months", String.valueOf(r.months()), "least", String.valueOf(r.least()),
                    "most", String.valueOf(r.most()), "range", range)));
        }
        return out.toString();
    }

    /** The entry points of rules §2. */
    static CareAction action(CareCase c) {
        if (c.tag() == null) {
            return CareAction.BILL_NOTICE;
        }
        Optional<Advice.Option> offer = c.offer();
        return switch (c.tag()) {
            case HIGH_TARIFF -> offer.isPresent() ? packOrPlan(offer.get(), CareAction.VOICE_PACK)
                    : c.roamingFeeCents() > 0 ? CareAction.ROAMING_PACK : CareAction.USAGE_REMINDER;
            case HIGH_DATA -> offer.isPresent() ? packOrPlan(offer.get(), CareAction.DATA_PACK) : CareAction.USAGE_REMINDER;
            case HIGH_SILENCE -> c.idleServices().isEmpty() ? CareAction.USAGE_REMINDER : CareAction.VAS_REVIEW;
            case HIGH_ARPU -> offer.isPresent() ? CareAction.FITTING_PLAN
                    : c.idleServices().isEmpty() ? CareAction.USAGE_REMINDER : CareAction.VAS_REVIEW;
        };
    }

    /** Packs on the current plan (the tag's own kind first), or another plan. */
    private static CareAction packOrPlan(Advice.Option o, CareAction preferred) {
        if (o.planChange()) {
            return CareAction.BIGGER_PLAN;
        }
        boolean voice = o.voicePack().isPresent();
        boolean data = o.dataPack().isPresent();
        if (preferred == CareAction.VOICE_PACK) {
            return voice || !data ? CareAction.VOICE_PACK : CareAction.DATA_PACK;
        }
        return data || !voice ? CareAction.DATA_PACK : CareAction.VOICE_PACK;
    }

    /** Account manager for GOLD and DIAMOND, a call for high risk or a bill of 200 yuan and more, else SMS. */
    static Channel channel(CareCase c) {
        String vip = c.vipLevel() == null ? "" : c.vipLevel().toUpperCase(Locale.ROOT);
        if (vip.equals("GOLD") || vip.equals("DIAMOND")) {
            return Channel.ACCOUNT_MANAGER;
        }
        return c.highRisk() || c.monthlyBillCents() >= 20_000 ? Channel.CALL : Channel.SMS;
    }

    private Map<String, String> values(CareCase c, Optional<Advice.Option> offer, CareAction action) {
        java.util.HashMap<String, String> v = new java.util.HashMap<>();
        v.put("sender", sender);
        v.put("saving", yuan(offer.map(Advice.Option::averageSavingCents).orElse(0L)));
        v.put("plan", offer.map(o -> o.plan().name()).orElse(""));
        v.put("pack", offer.map(o -> packs(o, action).stream().map(Addon::name).collect(java.util.stream.Collectors.joining("、")))
                .orElse(""));
        v.put("offer", offer.map(Playbook::describe).orElse(""));
        v.put("gb", String.valueOf(most(c, Advice.Reason.What.DATA_GB)));
        v.put("minutes", String.valueOf(most(c, Advice.Reason.What.VOICE_MIN)));
        v.put("unused-minutes", String.valueOf(c.unusedVoiceMin()));
        v.put("unused-gb", String.valueOf(c.unusedDataMb() / 1024));
        v.put("services", String.join("、", c.idleServices()));
        v.put("fee", yuan(c.projectedFeeCents()));
        return v;
    }

    /** The offer's packs, those of the action's kind first. */
    private static List<Addon> packs(Advice.Option o, CareAction action) {
        List<Addon> packs = o.packs();
        if (action == CareAction.VOICE_PACK) {
            java.util.Collections.reverse(packs);
        }
        return packs;
    }

    /** An offer in the catalogue's words: the plan's name, then the packs' (e.g. "5G畅享129元套餐 + 30GB流量月包"). */
    public static String describe(Advice.Option o) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(o.plan().name()),
                o.packs().stream().map(Addon::name)).collect(java.util.stream.Collectors.joining(" + "));
    }

    private static long most(CareCase c, Advice.Reason.What what) {
        return c.reasons().stream().filter(r -> r.what() == what).mapToLong(Advice.Reason::most).max().orElse(0);
    }

    private static String yuan(long cents) {
        return cents % 100 == 0 ? String.valueOf(cents / 100) : java.math.BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private String template(String key) {
        String t = templates.get(key);
        if (t == null || t.isBlank()) {
            throw new TenureException(io.tenure.core.error.ErrorCode.INVALID_CONFIG, "the care playbook has no text for "
                    + key + "; add it to the playbook templates");
        }
        return t;
    }

    private String render(String key, Map<String, String> values) {
        Template t = compiled.get(key);
        StringBuilder out = new StringBuilder(96);
        for (int i = 0; i < t.names.length; i++) {
            out.append(t.literals[i]);
            out.append(values.get(t.names[i]));
        }
        return out.append(t.literals[t.names.length]).toString();
    }

    /** A text cut at its placeholders once, so that rendering is appending. */
    private record Template(String[] literals, String[] names) {
        static Template parse(String key, String text, Set<String> known) {
            Matcher m = PLACEHOLDER.matcher(text);
            List<String> literals = new ArrayList<>();
            List<String> names = new ArrayList<>();
            int at = 0;
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    throw new TenureException(io.tenure.core.error.ErrorCode.INVALID_CONFIG, "the playbook text " + key
                            + " uses {" + m.group(1) + "}, which is not a placeholder; use one of " + new java.util.TreeSet<>(known));
                }
                literals.add(text.substring(at, m.start()));
                names.add(m.group(1));
                at = m.end();
            }
            literals.add(text.substring(at));
            return new Template(literals.toArray(String[]::new), names.toArray(String[]::new));
        }
    }

    /** One segment of up to 70 characters, or segments of 67 when longer (concatenated SMS). */
    static List<String> segments(String sms) {
        int n = sms.codePointCount(0, sms.length());
        if (n <= SEGMENT) {
            return List.of(sms);
        }
        List<String> out = new ArrayList<>();
        int at = 0;
        while (at < sms.length()) {
            int end = sms.offsetByCodePoints(at, Math.min(CONCATENATED_SEGMENT, sms.codePointCount(at, sms.length())));
            out.add(sms.substring(at, end));
            at = end;
        }
        return out;
    }
}
