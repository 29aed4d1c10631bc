package io.tenure.core.fourhigh;

import java.util.ArrayList;
import java.util.List;

/** Levels and movements of rules §2 from the tags of M, M−1 and M−2. */
public final class TagHistory {
    private TagHistory() {
    }

    /**
     * @param m  tags of month M (the subscriber is evaluated in M)
     * @param m1 tags of M−1, or null when not evaluated then (no bill)
     * @param m2 tags of M−2, or null when not evaluated then
     * @return one status per tag held in M, plus an EXITED status per tag held in M−1 and not in M
     */
    public static List<TagStatus> classify(TagSet m, TagSet m1, TagSet m2) {
        List<TagStatus> out = new ArrayList<>(4);
        for (Tag tag : Tag.values()) {
            boolean inM1 = m1 != null && m1.contains(tag);
            if (m.contains(tag)) {
                boolean inM2 = m2 != null && m2.contains(tag);
                Level level = inM1 || inM2 ? Level.PERSISTENT : Level.NEW;
                out.add(new TagStatus(tag, level, inM1 ? Movement.STAYED : Movement.ENTERED));
            } else if (inM1) {
                out.add(new TagStatus(tag, null, Movement.EXITED));
            }
        }
        return List.copyOf(out);
    }
}
