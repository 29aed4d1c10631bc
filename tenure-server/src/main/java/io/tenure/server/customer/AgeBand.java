package io.tenure.server.customer;

import java.time.LocalDate;
import java.time.Period;

/** An age band instead of the birth date: enough to talk to the customer, less personal information shown. */
public enum AgeBand {
    UNDER_18(0), AGE_18_24(18), AGE_25_34(25), AGE_35_44(35), AGE_45_54(45), AGE_55_64(55), AGE_65_PLUS(65);

    private final int from;

    AgeBand(int from) {
        this.from = from;
    }

    /** The band of someone born on {@code birthDate} on {@code on}; null when the birth date is unknown or later. */
    public static AgeBand of(LocalDate birthDate, LocalDate on) {
        if (birthDate == null || on == null || birthDate.isAfter(on)) {
            return null;
        }
        int age = Period.between(birthDate, on).getYears();
        AgeBand band = UNDER_18;
        for (AgeBand b : values()) {
            if (age >= b.from) {
                band = b;
            }
        }
        return band;
    }
}
