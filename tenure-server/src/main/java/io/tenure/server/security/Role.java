package io.tenure.server.security;

/** What a member of staff may do; every page and API call checks it, and every query is scoped by region. */
public enum Role {
    /** Users, tokens, everything else read-only across the province. */
    ADMIN,
    /** Province (or city) analyst: dashboards, lists, reports, read only. */
    ANALYST,
    /** City or county manager: lists, assigning work to the agents of the region. */
    MANAGER,
    /** Account manager or call-centre agent: own tasks only. */
    AGENT,
    /** Reads and searches the audit log, nothing else. */
    AUDITOR
}
