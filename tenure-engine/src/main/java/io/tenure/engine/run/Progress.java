package io.tenure.engine.run;

/** Progress of a run's stages, shown by the command line as bars. */
public interface Progress {
    Progress SILENT = new Progress() {
        @Override
        public void stage(String name, long total) {
        }

        @Override
        public void step(long n) {
        }

        @Override
        public void done() {
        }
    };

    /** A stage starts; total is the expected number of steps, or -1 when unknown. */
    void stage(String name, long total);

    void step(long n);

    void done();
}
