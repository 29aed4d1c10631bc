package io.tenure.engine.run;

import io.tenure.core.error.TenureException;
import io.tenure.engine.config.TenureConfig;
import io.tenure.report.Lang;

import java.nio.file.Path;
import java.time.LocalDate;

/** What a daily run reads, where it publishes, for which date, with which settings. */
public record RunOptions(Path data, Path out, LocalDate asOf, TenureConfig config, Lang lang) {
    public RunOptions {
        TenureException.require(data != null, "--data is required");
        TenureException.require(out != null, "--out is required");
        asOf = asOf == null ? LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) : asOf;
        config = config == null ? TenureConfig.defaults() : config;
        lang = lang == null ? Lang.parse(config.output().lang()) : lang;
    }
}
