package io.tenure.server.lists;

import java.math.BigDecimal;

/** A row of the four-high list as staff see it: phone and name masked. */
public record FourHighRow(String subscriberId, String phone, String name, String city, String county, String tag,
                          String level, String movement, String vipLevel, BigDecimal totalFee, String offer,
                          BigDecimal saving, String riskBand, Double riskProbability, String careAction, String channel,
                          String contactAllowed) {
}
