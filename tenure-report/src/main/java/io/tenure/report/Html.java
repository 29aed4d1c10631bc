package io.tenure.report;

/** Minimal HTML building: every text and attribute value passes through {@link #esc(String)}. */
public final class Html {
    private final StringBuilder sb = new StringBuilder(1 << 16);

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Appends markup as is (only for fixed markup and already escaped text). */
    public Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Appends escaped text. */
    public Html text(String text) {
        sb.append(esc(text));
        return this;
    }

    /** Appends {@code <tag class="cls">text</tag>} with the text escaped. */
    public Html el(String tag, String cls, String text) {
        sb.append('<').append(tag);
        if (cls != null && !cls.isEmpty()) {
            sb.append(" class=\"").append(esc(cls)).append('"');
        }
        sb.append('>').append(esc(text)).append("</").append(tag).append('>');
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
