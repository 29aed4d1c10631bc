package io.tenure.core.fourhigh;

import org.junit.jupiter.api.Test;

import static io.tenure.core.fourhigh.Tag.HIGH_ARPU;
import static io.tenure.core.fourhigh.Tag.HIGH_DATA;
import static io.tenure.core.fourhigh.Tag.HIGH_SILENCE;
import static org.assertj.core.api.Assertions.assertThat;

class TagHistoryTest {
    @Test
    void newTagEntersAsNew() {
        assertThat(TagHistory.classify(TagSet.of(HIGH_DATA), TagSet.EMPTY, TagSet.EMPTY))
                .containsExactly(new TagStatus(HIGH_DATA, Level.NEW, Movement.ENTERED));
    }

    @Test
    void tagHeldTwoMonthsAgoIsPersistentButEntered() {
        assertThat(TagHistory.classify(TagSet.of(HIGH_DATA), TagSet.EMPTY, TagSet.of(HIGH_DATA)))
                .containsExactly(new TagStatus(HIGH_DATA, Level.PERSISTENT, Movement.ENTERED));
    }

    @Test
    void tagHeldLastMonthStays() {
        assertThat(TagHistory.classify(TagSet.of(HIGH_DATA), TagSet.of(HIGH_DATA), null))
                .containsExactly(new TagStatus(HIGH_DATA, Level.PERSISTENT, Movement.STAYED));
    }

    @Test
    void tagDroppedSinceLastMonthExits() {
        assertThat(TagHistory.classify(TagSet.of(HIGH_ARPU), TagSet.of(HIGH_SILENCE, HIGH_ARPU), null))
                .containsExactly(new TagStatus(HIGH_SILENCE, null, Movement.EXITED),
                        new TagStatus(HIGH_ARPU, Level.PERSISTENT, Movement.STAYED));
    }

    @Test
    void subscriberWithoutLastMonthsBillEntersAsNew() {
        assertThat(TagHistory.classify(TagSet.of(HIGH_DATA), null, null))
                .containsExactly(new TagStatus(HIGH_DATA, Level.NEW, Movement.ENTERED));
    }
}
