package io.tenure.server.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The CSRF token a page carries in its first form, as a browser would send it back. */
public final class Csrf {
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private Csrf() {
    }

    public static String of(String html) {
        Matcher m = TOKEN.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no _csrf field on the page");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
