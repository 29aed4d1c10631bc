package io.tenure.core.fourhigh;

/** One tag's condition on a subscriber month. Implementations are stateless and thread-safe. */
public interface FourHighRule {
    Tag tag();

    boolean holds(SubscriberMonth m);
}
