package io.tenure.core.care;

/** How the care reaches the customer. */
public enum Channel { SMS, CALL, ACCOUNT_MANAGER }
