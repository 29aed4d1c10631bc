package io.tenure.report.bulletin;

import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.Tag;

import java.math.BigDecimal;

/**
 * Early warnings (预警) of one tag in one county.
 *
 * @param city              city (地市)
 * @param county            county (区县)
 * @param tag               tag warned about (HIGH_DATA or HIGH_TARIFF under the current rules)
 * @param subscribers       subscribers warned
 * @param projectedFeeTotal sum of their projected overage fees, yuan
 */
public record EarlyWarningCount(String city, String county, Tag tag, long subscribers, BigDecimal projectedFeeTotal) {
    public EarlyWarningCount {
        city = Checks.text(city, "early warning: city");
        county = Checks.text(county, "early warning: county");
        TenureException.require(tag != null, "early warning " + city + "/" + county + ": tag must not be null");
        Checks.nonNegative("early warning " + city + "/" + county + "/" + tag, subscribers);
        TenureException.require(projectedFeeTotal != null && projectedFeeTotal.signum() >= 0,
                "early warning " + city + "/" + county + "/" + tag + ": projected fee total must be 0 or more");
    }
}
