package io.tenure.core.care;

import io.tenure.core.advice.Advice;
import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.AddonKind;
import io.tenure.core.catalog.Plan;
import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tenure.core.testing.PlanBuilder.aPlan;
import static io.tenure.core.testing.PlanBuilder.anAddon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaybookTest {
    private static final Plan P88 = aPlan().id("P88").fee(8800).build();
    private static final Addon GB10 = anAddon("10GB流量包", AddonKind.DATA, 2000, 0, 10 * 1024);
    private static final Addon MIN200 = anAddon("200分钟语音包", AddonKind.VOICE, 1500, 200, 0);
    private final Playbook playbook = new Playbook(templates(), "中国联通");

    @Test
    void choosesTheEntryPointOfEachTag() {
        assertThat(action(Tag.HIGH_TARIFF, offer(null, MIN200), 0, List.of())).isEqualTo(CareAction.VOICE_PACK);
        assertThat(action(Tag.HIGH_TARIFF, offer(null, null), 0, List.of())).isEqualTo(CareAction.BIGGER_PLAN);
        assertThat(action(Tag.HIGH_TARIFF, stay(), 3000, List.of())).isEqualTo(CareAction.ROAMING_PACK);
        assertThat(action(Tag.HIGH_TARIFF, stay(), 0, List.of())).isEqualTo(CareAction.USAGE_REMINDER);
        assertThat(action(Tag.HIGH_DATA, offer(GB10, null), 0, List.of())).isEqualTo(CareAction.DATA_PACK);
        assertThat(action(Tag.HIGH_DATA, offer(null, null), 0, List.of())).isEqualTo(CareAction.BIGGER_PLAN);
        assertThat(action(Tag.HIGH_DATA, stay(), 0, List.of())).isEqualTo(CareAction.USAGE_REMINDER);
        assertThat(action(Tag.HIGH_SILENCE, offer(GB10, null), 0, List.of("彩铃"))).isEqualTo(CareAction.VAS_REVIEW);
        assertThat(action(Tag.HIGH_SILENCE, offer(GB10, null), 0, List.of())).isEqualTo(CareAction.USAGE_REMINDER);
        assertThat(action(Tag.HIGH_ARPU, offer(null, null), 0, List.of())).isEqualTo(CareAction.FITTING_PLAN);
        assertThat(action(Tag.HIGH_ARPU, stay(), 0, List.of("手机报"))).isEqualTo(CareAction.VAS_REVIEW);
        assertThat(action(Tag.HIGH_ARPU, stay(), 0, List.of())).isEqualTo(CareAction.USAGE_REMINDER);
        assertThat(action(null, offer(GB10, null), 0, List.of())).isEqualTo(CareAction.BILL_NOTICE);
    }

    @Test
    void aPlanChangeIsABiggerPlanEvenWithPacksAndPacksOnTheSamePlanNameTheirKind() {
        assertThat(action(Tag.HIGH_TARIFF, planChange(GB10, MIN200), 0, List.of())).isEqualTo(CareAction.BIGGER_PLAN);
        assertThat(action(Tag.HIGH_DATA, planChange(GB10, null), 0, List.of())).isEqualTo(CareAction.BIGGER_PLAN);
        assertThat(action(Tag.HIGH_DATA, offer(null, MIN200), 0, List.of())).isEqualTo(CareAction.VOICE_PACK);
        assertThat(action(Tag.HIGH_TARIFF, offer(GB10, null), 0, List.of())).isEqualTo(CareAction.DATA_PACK);
        assertThat(action(Tag.HIGH_TARIFF, offer(GB10, MIN200), 0, List.of())).isEqualTo(CareAction.VOICE_PACK);
    }

    @Test
    void namesThePackOfTheActionFirstAndTheWholeOfferForAPlanChange() {
        Map<String, String> t = templates();
        t.put("sms.VOICE_PACK", "办{pack}");
        t.put("sms.BIGGER_PLAN", "改{offer}");
        Playbook p = new Playbook(t, "X");

        assertThat(p.plan(aCase(Tag.HIGH_TARIFF, offer(GB10, MIN200), "NONE", false, List.of(), false)).sms())
                .startsWith("办200分钟语音包、10GB流量包");
        assertThat(p.plan(aCase(Tag.HIGH_TARIFF, planChange(GB10, MIN200), "NONE", false, List.of(), false)).sms())
                .startsWith("改套餐P88 + 10GB流量包 + 200分钟语音包");
    }

    @Test
    void silenceNeverUpsells() {
        Care care = playbook.plan(aCase(Tag.HIGH_SILENCE, offer(GB10, null), "NONE", false, List.of("彩铃"), false));

        assertThat(care.offer()).isEmpty();
        assertThat(care.sms()).contains("彩铃").doesNotContain("流量包");
    }

    @Test
    void picksTheChannelByVipValueAndRisk() {
        assertThat(playbook.plan(aCase(Tag.HIGH_DATA, offer(GB10, null), "GOLD", false, List.of(), false)).channel())
                .isEqualTo(Channel.ACCOUNT_MANAGER);
        assertThat(playbook.plan(aCase(Tag.HIGH_DATA, offer(GB10, null), "NONE", true, List.of(), false)).channel())
                .isEqualTo(Channel.CALL);
        assertThat(playbook.plan(aCase(Tag.HIGH_DATA, offer(GB10, null), "silver", false, List.of(), false)).channel())
                .isEqualTo(Channel.SMS);
        assertThat(playbook.plan(aCase(null, stay(), "DIAMOND", true, List.of(), false)).channel()).isEqualTo(Channel.SMS);
    }

    @Test
    void personalisesTheSmsAndEndsItWithSenderAndOptOut() {
        Care care = playbook.plan(aCase(Tag.HIGH_DATA, offer(GB10, null), "NONE", false, List.of(), false));

        assertThat(care.sms()).isEqualTo("超出7GB，办10GB流量包月省12.50元【中国联通】回T退订");
        assertThat(care.segments()).containsExactly(care.sms());
        assertThat(care.callScript()).hasSize(5).allMatch(s -> !s.isBlank());
        assertThat(care.callScript().get(2)).isEqualTo("办10GB流量包省12.50元");
        assertThat(care.why()).isEqualTo("3/3个月超流量4–7GB");
    }

    @Test
    void explainsEveryReasonOfTheMonths() {
        var reasons = List.of(new Advice.Reason(Advice.Reason.What.DATA_GB, 2, 3, 1, 5),
                new Advice.Reason(Advice.Reason.What.VOICE_MIN, 3, 3, 40, 260));

        assertThat(playbook.why(reasons)).isEqualTo("2/3个月超流量1–5GB；3/3个月超通话40–260分钟");
        assertThat(playbook.why(List.of())).isEmpty();
        assertThat(playbook.why(List.of(new Advice.Reason(Advice.Reason.What.DATA_GB, 1, 3, 7, 7)))).isEqualTo("1/3个月超流量7GB");
    }

    @Test
    void cutsALongSmsIntoSegmentsOfSixtySevenAndKeepsTheOptOutLast() {
        Map<String, String> t = templates();
        t.put("sms.DATA_PACK", "尊".repeat(100) + "{pack}");
        Care care = new Playbook(t, "中国联通").plan(aCase(Tag.HIGH_DATA, offer(GB10, null), "NONE", false, List.of(), false));

        assertThat(care.segments()).hasSize(2);
        assertThat(care.segments()).allMatch(s -> s.codePointCount(0, s.length()) <= Playbook.SEGMENT);
        assertThat(care.segments().get(0)).hasSize(67);
        assertThat(String.join("", care.segments())).isEqualTo(care.sms()).endsWith("回T退订");
    }

    @Test
    void holdsOffersBackFromCustomersWhoRefusedMarketingButStillSendsNotices() {
        assertThat(playbook.plan(aCase(Tag.HIGH_DATA, offer(GB10, null), "NONE", false, List.of(), true)).allowed()).isFalse();
        assertThat(playbook.plan(aCase(null, stay(), "NONE", false, List.of(), true)).allowed()).isTrue();
        assertThat(playbook.plan(aCase(Tag.HIGH_SILENCE, stay(), "NONE", false, List.of(), true)).allowed()).isTrue();
    }

    @Test
    void namesAMissingTextAndAnUnknownPlaceholder() {
        Map<String, String> missing = templates();
        missing.remove("call.offer.DATA_PACK");
        assertThatThrownBy(() -> new Playbook(missing, "X")).isInstanceOf(TenureException.class)
                .hasMessageContaining("call.offer.DATA_PACK");
        Map<String, String> unknown = templates();
        unknown.put("sms.DATA_PACK", "{price}");
        assertThatThrownBy(() -> new Playbook(unknown, "X").plan(aCase(Tag.HIGH_DATA, offer(GB10, null), "NONE", false,
                List.of(), false))).hasMessageContaining("{price}");
    }

    @Test
    void theCommonPartsOfTheScriptMayNameTheSenderOnly() {
        assertThat(playbook.commonScript()).containsExactly("您好", "objection", "再见");
        Map<String, String> t = templates();
        t.put("call.opening", "您好，为您节省{saving}元");
        assertThatThrownBy(() -> new Playbook(t, "X")).hasMessageContaining("call.opening").hasMessageContaining("{saving}");
    }

    private static CareAction action(Tag tag, Advice advice, long roaming, List<String> idle) {
        return Playbook.action(new CareCase(tag, advice, "NONE", 5000, false, 0, 0, idle, roaming, 0, false));
    }

    private static CareCase aCase(Tag tag, Advice advice, String vip, boolean risk, List<String> idle, boolean dnd) {
        return new CareCase(tag, advice, vip, 9000, risk, 120, 3 * 1024, idle, 0, 15800, dnd);
    }

    private static Advice offer(Addon data, Addon voice) {
        var o = new Advice.Option(Advice.Kind.BEST_FOR_CUSTOMER, P88, Optional.ofNullable(data), Optional.ofNullable(voice),
                List.of(1250L), 1250, -1250, false, data == null && voice == null);
        return new Advice(List.of(o), List.of(new Advice.Reason(Advice.Reason.What.DATA_GB, 3, 3, 4, 7)));
    }

    private static Advice planChange(Addon data, Addon voice) {
        var o = new Advice.Option(Advice.Kind.BEST_FOR_CUSTOMER, P88, Optional.ofNullable(data), Optional.ofNullable(voice),
                List.of(1250L), 1250, -1250, false, true);
        return new Advice(List.of(o), List.of());
    }

    private static Advice stay() {
        return new Advice(List.of(new Advice.Option(Advice.Kind.STAY, P88, Optional.empty(), Optional.empty(),
                List.of(0L), 0, 0, false, false)), List.of());
    }

    private static Map<String, String> templates() {
        Map<String, String> t = new HashMap<>();
        for (CareAction a : CareAction.values()) {
            t.put("sms." + a.name(), a.name() + "{fee}");
            t.put("call.needs." + a.name(), "needs " + a.name());
            t.put("call.offer." + a.name(), "offer " + a.name());
        }
        t.putAll(Map.of("sms.DATA_PACK", "超出{gb}GB，办{pack}月省{saving}元", "sms.VAS_REVIEW", "{services}未用，可退订",
                "call.offer.DATA_PACK", "办{pack}省{saving}元", "sms.sender", "【{sender}】", "sms.opt-out", "回T退订",
                "call.opening", "您好", "call.objection", "objection", "call.closing", "再见"));
        t.putAll(Map.of("reason.DATA_GB", "{over}/{months}个月超流量{range}GB", "reason.VOICE_MIN",
                "{over}/{months}个月超通话{least}–{most}分钟", "reason.separator", "；"));
        return t;
    }
}
