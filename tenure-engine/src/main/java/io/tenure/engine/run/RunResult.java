package io.tenure.engine.run;

import io.tenure.engine.fourhigh.EarlyWarningStage;
import io.tenure.engine.fourhigh.FourHighResult;
import io.tenure.ingest.IngestResult;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/** What a published run produced: where, for which month, the counts and the time each stage took (ms). */
public record RunResult(Path published, LocalDate asOf, YearMonth month, IngestResult ingest, FourHighResult fourHigh,
                        EarlyWarningStage.Result earlyWarnings, io.tenure.engine.risk.RiskStage.Result risk, long fourHighRows,
                        Map<String, Long> timingsMs) {
}
