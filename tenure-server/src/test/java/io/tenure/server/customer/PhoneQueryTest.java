package io.tenure.server.customer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneQueryTest {
    @Test
    void phoneNumberIsReadWithSpacesDashesAndCountryCode() {
        assertThat(CustomerRepository.phoneNumber("138 0013-8000")).contains("13800138000");
        assertThat(CustomerRepository.phoneNumber("+8613800138000")).contains("13800138000");
        assertThat(CustomerRepository.phoneNumber("1380013800")).isEmpty();
        assertThat(CustomerRepository.phoneNumber("S000000401")).isEmpty();
    }
}
