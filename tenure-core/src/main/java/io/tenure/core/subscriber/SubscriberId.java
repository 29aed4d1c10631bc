package io.tenure.core.subscriber;

import io.tenure.core.error.TenureException;

/** Identifier of a subscriber (a line), stable across snapshots. */
public record SubscriberId(String value) {
    public SubscriberId {
        TenureException.require(value != null && !value.isBlank(), "subscriber_id must not be empty");
    }

    @Override
    public String toString() {
        return value;
    }
}
