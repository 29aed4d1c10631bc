package io.tenure.core.subscriber;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {
    @Test
    void keepsOnlyTheSurname() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("李")).isEqualTo("李*");
    }

    @Test
    void keepsPrefixAndLastFourDigits() {
        assertThat(Masking.msisdn("13812345678")).isEqualTo("138****5678");
    }
}
