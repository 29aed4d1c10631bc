package io.tenure.core.subscriber;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberTest {
    @Test
    void acceptsTheStandardsWorkedExample() {
        assertThat(IdNumber.isValid("11010519491231002X")).isTrue();
        assertThat(IdNumber.isValid("11010519491231002x")).isTrue();
        assertThat(IdNumber.isValid("440524188001010014")).isTrue();
    }

    @Test
    void rejectsWrongCheckCharacterLengthOrLetters() {
        assertThat(IdNumber.isValid("110105194912310021")).isFalse();
        assertThat(IdNumber.isValid("11010519491231002")).isFalse();
        assertThat(IdNumber.isValid("1101051949123100AX")).isFalse();
        assertThat(IdNumber.isValid(null)).isFalse();
    }
}
