package io.tenure.generator;

import io.tenure.core.subscriber.IdNumber;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The snapshot looks like a Fujian subscriber base. */
class SubscriberRealismTest {
    private final CsvTable s = Fixtures.standard("subscribers");

    @Test
    void idNumbersPassTheGb11643ChecksumAndAgreeWithBirthDateAndGender() {
        int checked = 0;
        for (String[] r : s.rows) {
            String id = s.get(r, "id_number");
            if (id.isEmpty()) {
                assertThat(s.get(r, "owner_type")).isEqualTo("ENTERPRISE");
                continue;
            }
            assertThat(IdNumber.isValid(id)).as(id).isTrue();
            assertThat(id.substring(6, 14)).isEqualTo(s.get(r, "birth_date").replace("-", ""));
            boolean male = (id.charAt(16) - '0') % 2 == 1;
            assertThat(s.get(r, "gender")).isEqualTo(male ? "M" : "F");
            LocalDate birth = LocalDate.parse(s.get(r, "birth_date"));
            assertThat(LocalDate.parse(s.get(r, "activation_date"))).isAfterOrEqualTo(birth.plusYears(16).minusDays(3));
            checked++;
        }
        assertThat(checked).isGreaterThan(s.rows.size() * 9 / 10);
        long fujian = s.rows.stream().filter(r -> s.get(r, "id_number").startsWith("35")).count();
        assertThat(fujian).isGreaterThan(checked * 3L / 4);
    }

    @Test
    void regionIsFujianWithAllNinePrefectureCitiesRoughlyByPopulation() {
        Map<String, Integer> perCity = new HashMap<>();
        Map<String, String> cityOfCounty = new HashMap<>();
        for (String[] r : s.rows) {
            perCity.merge(s.get(r, "city"), 1, Integer::sum);
            String before = cityOfCounty.put(s.get(r, "county"), s.get(r, "city"));
            assertThat(before == null || before.equals(s.get(r, "city"))).isTrue();
        }
        assertThat(perCity.keySet()).containsExactlyInAnyOrder("福州市", "厦门市", "莆田市", "三明市", "泉州市", "漳州市",
                "南平市", "龙岩市", "宁德市");
        double n = s.rows.size();
        assertThat(perCity.get("泉州市") / n).isCloseTo(0.21, within(0.03));
        assertThat(perCity.get("三明市") / n).isCloseTo(0.06, within(0.02));
        assertThat(cityOfCounty).containsEntry("永安市", "三明市").containsEntry("晋江市", "泉州市")
                .doesNotContainKey("梅列区");
    }

    @Test
    void numbersAreElevenDigitsFromRealRangesWithFewSpecialRanges() {
        Set<String> prefixes = new HashSet<>();
        int special = 0;
        for (String[] r : s.rows) {
            String m = s.get(r, "msisdn");
            prefixes.add(m.substring(0, 3));
            if (m.startsWith("1349") || m.startsWith("17") && (m.charAt(2) == '0' || m.charAt(2) == '1')
                    || List.of("162", "165", "167", "144", "146", "148", "149").contains(m.substring(0, 3))) {
                special++;
            }
        }
        assertThat(prefixes).contains("135", "138", "139", "150", "187", "170", "130", "189");
        assertThat(special / (double) s.rows.size()).isBetween(0.01, 0.06);
    }

    @Test
    void portedInLinesCarryOtherOperatorsRangesAndAPortInDate() {
        List<String[]> ported = s.rows.stream().filter(r -> !s.get(r, "last_port_in_date").isEmpty()).toList();
        assertThat(ported.size() / (double) s.rows.size()).isBetween(0.02, 0.07);
        assertThat(ported).allSatisfy(r -> {
            assertThat(s.get(r, "msisdn").substring(0, 3)).isIn("130", "131", "132", "155", "156", "185", "186", "176",
                    "166", "133", "153", "177", "180", "181", "189", "199", "173", "192");
            assertThat(LocalDate.parse(s.get(r, "last_port_in_date"))).isAfterOrEqualTo(LocalDate.of(2019, 12, 1));
        });
    }

    @Test
    void attributeMixesLookLikeARealBase() {
        assertShare("status", v -> v.equals("ACTIVE"), 0.85, 0.97);
        assertShare("status", v -> v.equals("SUSPENDED"), 0.01, 0.06);
        assertShare("vip_level", v -> v.equals("NONE"), 0.65, 0.9);
        assertShare("vip_level", v -> v.equals("DIAMOND"), 0.005, 0.05);
        assertShare("contract_kind", v -> !v.isEmpty(), 0.25, 0.35);
        assertShare("marketing_consent", v -> v.equals("Y"), 0.6, 0.75);
        assertShare("dnd", v -> v.equals("Y"), 0.03, 0.07);
        assertShare("owner_type", v -> v.equals("ENTERPRISE"), 0.02, 0.08);
        assertShare("family_id", v -> !v.isEmpty(), 0.2, 0.4);
        assertShare("broadband_bundle", v -> v.equals("Y"), 0.2, 0.5);
        assertShare("handset_5g", v -> v.equals("Y"), 0.4, 0.8);
        assertShare("account_manager_id", v -> !v.isEmpty(), 0.05, 0.2);
        long longTenure = s.rows.stream()
                .filter(r -> LocalDate.parse(s.get(r, "activation_date")).isBefore(Fixtures.AS_OF.minusYears(7))).count();
        assertThat(longTenure / (double) s.rows.size()).isBetween(0.3, 0.5);
    }

    @Test
    void familiesHoldTwoToFourLinesInOneCounty() {
        Map<String, List<String[]>> families = new HashMap<>();
        for (String[] r : s.rows) {
            if (!s.get(r, "family_id").isEmpty()) {
                families.computeIfAbsent(s.get(r, "family_id"), k -> new java.util.ArrayList<>()).add(r);
            }
        }
        assertThat(families).isNotEmpty();
        assertThat(families.values()).allSatisfy(f -> {
            assertThat(f.size()).isBetween(2, 4);
            assertThat(f.stream().map(r -> s.get(r, "county")).distinct().count()).isEqualTo(1);
        });
    }

    @Test
    void activeContractsForbidPortingUntilTheyEndAndSomeEndSoon() {
        long endingSoon = s.rows.stream().filter(r -> !s.get(r, "contract_end_date").isEmpty()).filter(r -> {
            LocalDate end = LocalDate.parse(s.get(r, "contract_end_date"));
            return !end.isBefore(Fixtures.AS_OF) && end.isBefore(Fixtures.AS_OF.plusDays(46));
        }).count();
        assertThat(endingSoon / (double) s.rows.size()).isBetween(0.02, 0.08);
        assertThat(s.rows).filteredOn(r -> s.get(r, "contract_kind").equals("MIN_SPEND"))
                .allSatisfy(r -> assertThat(s.get(r, "min_spend")).isNotEmpty());
    }

    private void assertShare(String column, Predicate<String> p, double lo, double hi) {
        int c = s.col(column);
        double share = s.rows.stream().filter(r -> p.test(r[c])).count() / (double) s.rows.size();
        assertThat(share).as(column).isBetween(lo, hi);
    }
}
