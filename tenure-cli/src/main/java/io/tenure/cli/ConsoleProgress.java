package io.tenure.cli;

import io.tenure.engine.run.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** Progress bars on a terminal; one line per stage with its time elsewhere (CI logs, pipes). */
final class ConsoleProgress implements Progress {
    private final PrintStream err;
    private final boolean terminal = System.console() != null;
    private ProgressBar bar;
    private String stage;
    private long started;

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public void stage(String name, long total) {
        done();
        stage = name;
        started = System.nanoTime();
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).continuousUpdate().build();
        }
    }

    @Override
    public void step(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    @Override
    public void done() {
        if (stage == null) {
            return;
        }
        if (bar != null) {
            bar.close();
            bar = null;
        } else {
            err.printf("  %-28s %7.1f s%n", stage, (System.nanoTime() - started) / 1e9);
        }
        stage = null;
    }
}
