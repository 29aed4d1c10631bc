package io.tenure.core.fourhigh;

/** A daily early warning (按日预警): the tag whose bill is heading over its threshold, and the projected fee. */
public record EarlyWarning(Tag tag, long projectedFeeCents) {
    public EarlyWarning {
        io.tenure.core.error.TenureException.require(tag == Tag.HIGH_DATA || tag == Tag.HIGH_TARIFF,
                "early warnings exist for HIGH_DATA and HIGH_TARIFF only");
    }
}
