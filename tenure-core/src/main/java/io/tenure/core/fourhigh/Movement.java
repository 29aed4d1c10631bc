package io.tenure.core.fourhigh;

/** Month-on-month movement (异动) of a tag. EXITED means returned to normal (回归正常). */
public enum Movement { ENTERED, STAYED, EXITED }
