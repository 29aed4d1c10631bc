package io.tenure.engine.run;

import java.nio.file.Path;
import java.time.LocalDate;

/** A daily run in its own process, for the test that kills one mid-way. Args: data out as-of. */
public final class RunMain {
    private RunMain() {
    }

    public static void main(String[] args) {
        new DailyRun(new RunOptions(Path.of(args[0]), Path.of(args[1]), LocalDate.parse(args[2]), null, null), Progress.SILENT).run();
    }
}
