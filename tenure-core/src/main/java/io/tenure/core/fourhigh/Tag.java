package io.tenure.core.fourhigh;

/** The four-high tags (四高) of rules §2, with their Chinese names. */
public enum Tag {
    HIGH_TARIFF("高资费", "High tariff"),
    HIGH_DATA("高流量", "High data"),
    HIGH_SILENCE("高沉默", "High silence"),
    HIGH_ARPU("高ARPU", "High ARPU");

    private final String chinese;
    private final String english;

    Tag(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }
}
