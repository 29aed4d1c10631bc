package io.tenure.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

/**
 * JSON for a {@code <script type="application/json">} block. {@code < > & '} and the line separators
 * U+2028/U+2029 are written as JSON Unicode escapes (backslash, u, four hex digits), so no data value
 * can close the script element ({@code </script>}) or open a comment ({@code <!--}).
 */
public final class JsonEmbed {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafe());
    }

    private JsonEmbed() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TenureException(ErrorCode.INTERNAL, "cannot serialise bulletin data: " + e.getMessage(), e);
        }
    }

    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] ascii;

        HtmlSafe() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
            ascii['\''] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // U+2028/U+2029 are valid in JSON but end a line in older script engines.
            if (ch == 0x2028 || ch == 0x2029) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
