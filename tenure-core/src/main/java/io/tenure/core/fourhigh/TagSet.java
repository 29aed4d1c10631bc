package io.tenure.core.fourhigh;

import java.util.ArrayList;
import java.util.List;

/** An immutable set of tags held in one month, as a bit mask (cheap for millions of subscriber months). */
public record TagSet(int bits) {
    private static final Tag[] TAGS = Tag.values();
    public static final TagSet EMPTY = new TagSet(0);

    public TagSet {
        io.tenure.core.error.TenureException.require(bits >= 0 && bits < (1 << TAGS.length), "tag bits out of range: " + bits);
    }

    public static TagSet of(Tag... tags) {
        int b = 0;
        for (Tag t : tags) {
            b |= 1 << t.ordinal();
        }
        return new TagSet(b);
    }

    public TagSet with(Tag tag) {
        return new TagSet(bits | 1 << tag.ordinal());
    }

    public boolean contains(Tag tag) {
        return (bits & 1 << tag.ordinal()) != 0;
    }

    public boolean isEmpty() {
        return bits == 0;
    }

    public List<Tag> tags() {
        List<Tag> out = new ArrayList<>(TAGS.length);
        for (Tag t : TAGS) {
            if (contains(t)) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }
}
