package io.tenure.server.customer;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AgeBandTest {
    private static final LocalDate ON = LocalDate.of(2026, 11, 21);

    @Test
    void bandChangesOnTheBirthdayItself() {
        assertThat(AgeBand.of(LocalDate.of(2008, 11, 22), ON)).isEqualTo(AgeBand.UNDER_18);
        assertThat(AgeBand.of(LocalDate.of(2008, 11, 21), ON)).isEqualTo(AgeBand.AGE_18_24);
        assertThat(AgeBand.of(LocalDate.of(1991, 11, 22), ON)).isEqualTo(AgeBand.AGE_25_34);
        assertThat(AgeBand.of(LocalDate.of(1991, 11, 21), ON)).isEqualTo(AgeBand.AGE_35_44);
        assertThat(AgeBand.of(LocalDate.of(1961, 11, 21), ON)).isEqualTo(AgeBand.AGE_65_PLUS);
    }

    @Test
    void unknownOrFutureBirthDateHasNoBand() {
        assertThat(AgeBand.of(null, ON)).isNull();
        assertThat(AgeBand.of(ON.plusDays(1), ON)).isNull();
    }
}
