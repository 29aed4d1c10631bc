package io.tenure.report.care;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.report.Lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The care playbook's texts: the defaults of a language, with the operator's own
 * file (same keys, UTF-8 properties) laid over them when given.
 */
public final class PlaybookTexts {
    private PlaybookTexts() {
    }

    public static Map<String, String> defaults(Lang lang) {
        String name = "playbook_" + (lang == Lang.EN ? "en" : "zh") + ".properties";
        try (InputStream in = PlaybookTexts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new TenureException(ErrorCode.INTERNAL, "the default playbook " + name + " is missing from the build");
            }
            return read(in);
        } catch (IOException e) {
            throw new TenureException(ErrorCode.INTERNAL, "cannot read the default playbook " + name + ": " + e, e);
        }
    }

    /** The defaults with the operator's texts from {@code file} over them. */
    public static Map<String, String> withOverrides(Lang lang, Path file) {
        Map<String, String> texts = new HashMap<>(defaults(lang));
        try (InputStream in = Files.newInputStream(file)) {
            texts.putAll(read(in));
        } catch (IOException e) {
            throw new TenureException(ErrorCode.INVALID_CONFIG, "cannot read the playbook texts " + file + ": " + e.getMessage()
                    + "; give a UTF-8 properties file with the keys of the default playbook");
        }
        return Map.copyOf(texts);
    }

    private static Map<String, String> read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> out = new HashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return Map.copyOf(out);
    }
}
