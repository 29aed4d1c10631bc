package io.tenure.report.bulletin;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Static files inlined into the bulletin: the ECharts library from its webjar, the stylesheet and the chart script. */
public final class Assets {
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final Pattern SCRIPT_END = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);

    private Assets() {
    }

    /** The minified ECharts library, made safe to inline in a script element. */
    public static String echarts() {
        return Lazy.ECHARTS;
    }

    static String css() {
        return Lazy.CSS;
    }

    static String script() {
        return Lazy.SCRIPT;
    }

    /** Neutralises a closing script tag inside inlined script text ({@code <\/script} means the same to JavaScript). */
    public static String inlineSafe(String js) {
        return SCRIPT_END.matcher(js).replaceAll(Matcher.quoteReplacement("<\\/") + "$1");
    }

    // Loaded once per JVM on first use: the library is about 1 MB.
    private static final class Lazy {
        static final String ECHARTS = inlineSafe(read("/META-INF/resources/webjars/echarts/" + echartsVersion()
                + "/dist/echarts.min.js"));
        static final String CSS = read("/io/tenure/report/bulletin/bulletin.css");
        static final String SCRIPT = inlineSafe(read("/io/tenure/report/bulletin/bulletin.js"));
    }

    // The version comes from the webjar itself so a version bump in the build needs no code change.
    private static String echartsVersion() {
        try (InputStream in = Assets.class.getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new TenureException(ErrorCode.INTERNAL, "the ECharts webjar is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null || v.isBlank()) {
                throw new TenureException(ErrorCode.INTERNAL, "the ECharts webjar has no version in " + WEBJAR_POM);
            }
            return v.strip();
        } catch (IOException e) {
            throw new TenureException(ErrorCode.INTERNAL, "cannot read " + WEBJAR_POM, e);
        }
    }

    /** A UTF-8 text resource of the class path, by absolute name. */
    public static String read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new TenureException(ErrorCode.INTERNAL, "resource " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TenureException(ErrorCode.INTERNAL, "cannot read resource " + resource, e);
        }
    }
}
