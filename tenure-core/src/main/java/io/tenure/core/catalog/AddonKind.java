package io.tenure.core.catalog;

/** What an optional pack adds: data or voice. */
public enum AddonKind { DATA, VOICE }
