package io.tenure.server.lists;

/** A row of the port-out risk list as staff see it: phone and name masked. */
public record RiskRow(String subscriberId, String phone, String name, String city, String county, String vipLevel,
                      double probability, String band, String reasons) {
}
