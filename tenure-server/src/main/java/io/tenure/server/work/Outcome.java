package io.tenure.server.work;

/** What an agent's call came to, the status it leaves the task in, and how it is kept as a contact (contacts feed). */
public enum Outcome {
    REACHED("ANSWERED", TaskStatus.DONE),
    ACCEPTED("ACCEPTED", TaskStatus.DONE),
    DECLINED("DECLINED", TaskStatus.DONE),
    /** Reached, but the customer asked to be called again at a given time. */
    CALL_BACK("ANSWERED", TaskStatus.CALL_BACK),
    UNREACHABLE("UNREACHABLE", TaskStatus.DONE),
    /** The customer refused further contact: an opt-out, effective at once and kept. */
    OPTED_OUT("OPTED_OUT", TaskStatus.DONE);

    private final String contactOutcome;
    private final TaskStatus status;

    Outcome(String contactOutcome, TaskStatus status) {
        this.contactOutcome = contactOutcome;
        this.status = status;
    }

    /** The outcome as the contact history records it. */
    public String contactOutcome() {
        return contactOutcome;
    }

    /** The status the task takes. */
    public TaskStatus status() {
        return status;
    }
}
