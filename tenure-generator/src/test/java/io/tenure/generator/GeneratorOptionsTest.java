package io.tenure.generator;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratorOptionsTest {
    private final Path out = Path.of("out");

    @Test
    void defaultsAreSixMonthsCsvUtf8OnePartAsOfToday() {
        GeneratorOptions o = GeneratorOptions.defaults(out);
        assertThat(o.months()).isEqualTo(6);
        assertThat(o.format()).isEqualTo(OutputFormat.CSV);
        assertThat(o.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(o.parts()).isEqualTo(1);
        assertThat(o.asOf()).isNotNull();
    }

    @Test
    void nullObjectArgumentsTakeTheirDefaults() {
        GeneratorOptions o = new GeneratorOptions(10, 3, out, 1, null, null, null, 1);
        assertThat(o.format()).isEqualTo(OutputFormat.CSV);
        assertThat(o.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(o.asOf()).isBeforeOrEqualTo(LocalDate.now().plusDays(1));
    }

    @Test
    void rejectsOutOfRangeValuesAsUserErrors() {
        GeneratorOptions o = GeneratorOptions.defaults(out);
        assertUserError(() -> o.withSubscribers(0));
        assertUserError(() -> o.withSubscribers(GeneratorOptions.MAX_SUBSCRIBERS + 1));
        assertUserError(() -> o.withMonths(0));
        assertUserError(() -> o.withMonths(37));
        assertUserError(() -> o.withParts(0));
        assertUserError(() -> o.withOut(null));
        assertUserError(() -> o.withAsOf(LocalDate.of(1999, 1, 1)));
        assertUserError(() -> o.withEncoding(StandardCharsets.ISO_8859_1));
    }

    @Test
    void parsesEncodingNamesAsTheCommandLineSpellsThem() {
        assertThat(GeneratorOptions.parseEncoding("utf-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(GeneratorOptions.parseEncoding("GBK")).isEqualTo(Charset.forName("GBK"));
        assertThat(GeneratorOptions.parseEncoding("gb18030")).isEqualTo(Charset.forName("GB18030"));
        assertUserError(() -> GeneratorOptions.parseEncoding("latin1"));
    }

    private static void assertUserError(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(TenureException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }
}
