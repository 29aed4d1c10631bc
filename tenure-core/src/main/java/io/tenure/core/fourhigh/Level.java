package io.tenure.core.fourhigh;

/** NEW: first time in three months; PERSISTENT: also held in M−1 or M−2. */
public enum Level { NEW, PERSISTENT }
