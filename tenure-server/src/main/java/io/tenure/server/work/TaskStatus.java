package io.tenure.server.work;

/** OPEN until the agent records an outcome; CALL_BACK while a call-back is due; DONE after any other outcome. */
public enum TaskStatus {
    OPEN, CALL_BACK, DONE;

    /** Whether the call is still to be made (the number may be revealed, an outcome recorded). */
    public boolean open() {
        return this != DONE;
    }
}
