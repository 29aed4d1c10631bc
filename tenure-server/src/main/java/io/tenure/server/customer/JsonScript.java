package io.tenure.server.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

/**
 * JSON to put inside {@code <script type="application/json">}: the characters that could end the element or start
 * markup are written as JSON escapes (they only occur inside JSON strings), so data can never become HTML.
 */
final class JsonScript {
    private JsonScript() {
    }

    static String of(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new TenureException(ErrorCode.INTERNAL, "could not write the page's chart data: " + e.getMessage(), e);
        }
    }
}
