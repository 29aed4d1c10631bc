package io.tenure.core.subscriber;

/** Line status: 正常 / 停机 / 挂失 / 销户. */
public enum Status { ACTIVE, SUSPENDED, LOST, CANCELLED }
