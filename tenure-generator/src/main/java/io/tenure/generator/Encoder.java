package io.tenure.generator;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.List;

/**
 * Turns the generator's fixed vocabulary into ready-to-write CSV field bytes in the output charset,
 * once, so the hot path only copies bytes. Quoting follows RFC 4180. Scanning the encoded bytes for
 * separators is safe for UTF-8, GBK and GB18030 alike: none of their multi-byte sequences contains
 * the bytes of comma, double quote, CR or LF.
 */
final class Encoder {
    private final CharsetEncoder encoder;

    Encoder(Charset charset) {
        this.encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The CSV field for a string: encoded and quoted when it holds a comma, quote or line break. */
    byte[] field(String s) {
        byte[] raw = encode(s);
        boolean quote = false;
        int quotes = 0;
        for (byte b : raw) {
            if (b == ',' || b == '\r' || b == '\n') {
                quote = true;
            } else if (b == '"') {
                quote = true;
                quotes++;
            }
        }
        if (!quote) {
            return raw;
        }
        byte[] out = new byte[raw.length + quotes + 2];
        int p = 0;
        out[p++] = '"';
        for (byte b : raw) {
            out[p++] = b;
            if (b == '"') {
                out[p++] = '"';
            }
        }
        out[p] = '"';
        return out;
    }

    byte[][] fields(List<String> values) {
        byte[][] out = new byte[values.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = field(values.get(i));
        }
        return out;
    }

    /** Raw encoding without quoting: for fragments concatenated into one field (names). */
    byte[] raw(String s) {
        return encode(s);
    }

    byte[][] raws(List<String> values) {
        byte[][] out = new byte[values.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = raw(values.get(i));
        }
        return out;
    }

    private byte[] encode(String s) {
        try {
            ByteBuffer bb;
            synchronized (encoder) {
                bb = encoder.reset().encode(CharBuffer.wrap(s));
            }
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT,
                    "text '" + s + "' cannot be written in " + encoder.charset().name() + "; use UTF-8", e);
        }
    }
}
