package io.tenure.report;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.util.Locale;

/** Language of a published document. Chinese is the default for every publication. */
public enum Lang {
    ZH(Locale.SIMPLIFIED_CHINESE, "zh-CN"),
    EN(Locale.ENGLISH, "en");

    private final Locale locale;
    private final String htmlTag;

    Lang(Locale locale, String htmlTag) {
        this.locale = locale;
        this.htmlTag = htmlTag;
    }

    /**
     * Parses a language as written on a command line or in a config file: {@code zh}, {@code zh-CN},
     * {@code zh_CN}, {@code zh-Hans}, {@code cn}, {@code 中文} give {@link #ZH}; {@code en},
     * {@code en-US}, {@code en_GB}, {@code english} give {@link #EN}. Case is ignored.
     *
     * @throws TenureException ({@link ErrorCode#INVALID_ARGUMENT}) for anything else
     */
    public static Lang parse(String s) {
        if (s == null || s.isBlank()) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "language must be zh or en, got nothing");
        }
        String v = s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (v.equals("zh") || v.startsWith("zh-") || v.equals("cn") || v.equals("chinese") || v.equals("中文")) {
            return ZH;
        }
        if (v.equals("en") || v.startsWith("en-") || v.equals("english")) {
            return EN;
        }
        throw new TenureException(ErrorCode.INVALID_ARGUMENT, "language must be zh or en, got '" + s + "'");
    }

    /** Locale used for collation of names. */
    public Locale locale() {
        return locale;
    }

    /** Value of the HTML {@code lang} attribute. */
    public String htmlTag() {
        return htmlTag;
    }
}
