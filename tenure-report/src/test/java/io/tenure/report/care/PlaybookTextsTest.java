package io.tenure.report.care;

import io.tenure.core.advice.Advice;
import io.tenure.core.care.Care;
import io.tenure.core.care.CareCase;
import io.tenure.core.care.Playbook;
import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.AddonId;
import io.tenure.core.catalog.AddonKind;
import io.tenure.core.catalog.Network;
import io.tenure.core.catalog.Plan;
import io.tenure.core.catalog.PlanId;
import io.tenure.core.fourhigh.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import io.tenure.report.Lang;

import static org.assertj.core.api.Assertions.assertThat;

/** The default texts cover every action, fit the SMS limits and end with the opt-out line, in both languages. */
class PlaybookTextsTest {
    private static final Plan PLAN = new Plan(new PlanId("P5G129"), "5G畅享129元套餐", 12900, 500, 30 * 1024, 100, 15, 300,
            10, Network.G5, true);
    private static final Addon PACK = new Addon(new AddonId("D30"), "30GB流量月包", AddonKind.DATA, 3000, 0, 30 * 1024, true);
    private static final Addon VOICE = new Addon(new AddonId("V300"), "300分钟语音包", AddonKind.VOICE, 2000, 300, 0, true);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void everyActionRendersAnSmsWithinTwoSegmentsEndingWithTheOptOutLine(String lang) {
        Playbook playbook = new Playbook(PlaybookTexts.defaults(Lang.parse(lang)), "中国联通");
        String optOut = lang.equals("zh") ? "拒收请回复R" : "Reply R to opt out";
        List<Care> cares = new ArrayList<>();
        for (Tag tag : Arrays.asList(Tag.HIGH_TARIFF, Tag.HIGH_DATA, Tag.HIGH_SILENCE, Tag.HIGH_ARPU, null)) {
            for (Advice advice : List.of(offer(PACK, null), offer(null, VOICE), offer(null, null), stay())) {
                for (long roaming : new long[]{0, 4500}) {
                    cares.add(playbook.plan(new CareCase(tag, advice, "NONE", 12800, false, 230, 5 * 1024,
                            tag == Tag.HIGH_SILENCE || tag == Tag.HIGH_ARPU ? List.of("彩铃", "手机报") : List.of(), roaming,
                            23456, false)));
                }
            }
        }
        assertThat(cares).extracting(Care::action).containsAll(Arrays.asList(io.tenure.core.care.CareAction.values()));
        for (Care c : cares) {
            assertThat(c.sms()).as(c.action().name()).endsWith(optOut).doesNotContain("{");
            assertThat(c.segments()).as(c.action().name()).hasSizeLessThanOrEqualTo(2)
                    .allMatch(s -> s.codePointCount(0, s.length()) <= Playbook.SEGMENT);
            assertThat(c.callScript()).hasSize(5).noneMatch(s -> s.contains("{"));
            assertThat(c.why()).doesNotContain("{");
        }
    }

    @Test
    void anOperatorFileReplacesSomeTextsAndKeepsTheOthers() throws Exception {
        Path file = dir.resolve("playbook.properties");
        Files.writeString(file, "sms.opt-out=退订请回复TD\n", StandardCharsets.UTF_8);

        var texts = PlaybookTexts.withOverrides(Lang.ZH, file);

        assertThat(texts.get("sms.opt-out")).isEqualTo("退订请回复TD");
        assertThat(texts.get("sms.sender")).isEqualTo(PlaybookTexts.defaults(Lang.ZH).get("sms.sender"));
    }

    private static Advice offer(Addon data, Addon voice) {
        var o = new Advice.Option(Advice.Kind.BEST_FOR_CUSTOMER, PLAN, Optional.ofNullable(data), Optional.ofNullable(voice),
                List.of(2350L, 2600L, 3100L), 2683, -2683, false, data == null && voice == null);
        return new Advice(List.of(o), List.of(new Advice.Reason(Advice.Reason.What.DATA_GB, 3, 3, 12, 17),
                new Advice.Reason(Advice.Reason.What.VOICE_MIN, 2, 3, 80, 240)));
    }

    private static Advice stay() {
        return new Advice(List.of(new Advice.Option(Advice.Kind.STAY, PLAN, Optional.empty(), Optional.empty(),
                List.of(0L), 0, 0, false, false)), List.of());
    }
}
