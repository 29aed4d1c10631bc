package io.tenure.server.work;

/**
 * What an assignment did: how many entries were asked for, assigned, already assigned before (each entry once per
 * as-of date), left over because the agent's daily capacity was reached, not found in the lists of the manager's
 * region, or not to be contacted (opted out, or the contact policy forbids it).
 */
public record AssignResult(String agent, int requested, int assigned, int alreadyAssigned, int overCapacity,
                           int notFound, int notContactable, int capacity, int alreadyToday) {
    /** How many were not assigned, for any reason. */
    public int notAssigned() {
        return requested - assigned;
    }
}
