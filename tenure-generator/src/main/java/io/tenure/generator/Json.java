package io.tenure.generator;

/** A tiny JSON writer for generator.json: objects, arrays, strings, numbers and null, pretty-printed. */
final class Json {
    private final StringBuilder sb = new StringBuilder();
    private int depth;
    private boolean first = true;
    private boolean afterKey;

    Json open() {
        prefix();
        sb.append('{');
        depth++;
        first = true;
        return this;
    }

    Json close() {
        depth--;
        newline();
        sb.append('}');
        first = false;
        return this;
    }

    Json array() {
        prefix();
        sb.append('[');
        depth++;
        first = true;
        return this;
    }

    Json closeArray() {
        depth--;
        newline();
        sb.append(']');
        first = false;
        return this;
    }

    Json key(String k) {
        prefix();
        quote(k);
        sb.append(": ");
        afterKey = true;
        return this;
    }

    Json value(Object v) {
        prefix();
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Number) {
            sb.append(v);
        } else {
            quote(v.toString());
        }
        return this;
    }

    Json field(String k, Object v) {
        return key(k).value(v);
    }

    private void prefix() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (!first) {
            sb.append(',');
        }
        if (depth > 0) {
            newline();
        }
        first = false;
    }

    private void newline() {
        sb.append('\n');
        sb.append("  ".repeat(Math.max(0, depth)));
    }

    private void quote(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb + "\n";
    }
}
