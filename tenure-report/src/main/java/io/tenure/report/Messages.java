package io.tenure.report;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.core.fourhigh.Level;
import io.tenure.core.fourhigh.Movement;
import io.tenure.core.fourhigh.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Texts of the published documents, from {@code io/tenure/report/messages_<lang>.properties}
 * (UTF-8). Keys cover the bulletin, the county lists and the list column headers
 * ({@code list.*}), sheet names ({@code sheet.*}), tags, levels and movements.
 */
public final class Messages {
    private static final Map<Lang, Messages> CACHE = new EnumMap<>(Lang.class);

    private final Lang lang;
    private final ResourceBundle bundle;

    private Messages(Lang lang, ResourceBundle bundle) {
        this.lang = lang;
        this.bundle = bundle;
    }

    /** The texts of one language; instances are shared and immutable. */
    public static Messages of(Lang lang) {
        if (lang == null) {
            throw TenureException.invalid("lang must not be null");
        }
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(lang, Messages::load);
        }
    }

    // Loaded directly rather than through ResourceBundle.getBundle so the JVM default locale can never
    // substitute another language's file.
    private static Messages load(Lang lang) {
        String resource = "messages_" + lang.name().toLowerCase(java.util.Locale.ROOT) + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new TenureException(ErrorCode.INTERNAL, "message bundle " + resource + " is missing");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return new Messages(lang, new PropertyResourceBundle(r));
            }
        } catch (IOException e) {
            throw new TenureException(ErrorCode.INTERNAL, "cannot read message bundle " + resource, e);
        }
    }

    public Lang lang() {
        return lang;
    }

    /**
     * The text for a key. With arguments the text is a {@link MessageFormat} pattern: numbers get
     * thousands separators; pass dates and months as ISO strings.
     *
     * @throws TenureException ({@link ErrorCode#INTERNAL}) when the key does not exist
     */
    public String get(String key, Object... args) {
        if (!bundle.containsKey(key)) {
            throw new TenureException(ErrorCode.INTERNAL, "no " + lang + " text for key '" + key + "'");
        }
        String text = bundle.getString(key);
        return args == null || args.length == 0 ? text : new MessageFormat(text, lang.locale()).format(args);
    }

    /** Whether a key exists. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** Every key of this language. */
    public Set<String> keys() {
        return Set.copyOf(bundle.keySet());
    }

    /** Display name of a tag ({@code tag.<NAME>}). */
    public String tag(Tag tag) {
        return get("tag." + tag.name());
    }

    /** Display name of a level ({@code level.<NAME>}). */
    public String level(Level level) {
        return get("level." + level.name());
    }

    /** Display name of a movement ({@code movement.<NAME>}). */
    public String movement(Movement movement) {
        return get("movement." + movement.name());
    }
}
