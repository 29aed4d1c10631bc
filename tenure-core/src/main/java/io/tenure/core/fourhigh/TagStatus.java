package io.tenure.core.fourhigh;

/** A tag's standing in month M: level (null when EXITED) and movement. */
public record TagStatus(Tag tag, Level level, Movement movement) {
    public TagStatus {
        io.tenure.core.error.TenureException.require(tag != null && movement != null, "tag status needs tag and movement");
        io.tenure.core.error.TenureException.require((movement == Movement.EXITED) == (level == null),
                "level is set exactly when the tag holds in M");
    }
}
