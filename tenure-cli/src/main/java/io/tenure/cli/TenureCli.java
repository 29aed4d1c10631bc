package io.tenure.cli;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tenure}: the command line of the platform. Exit codes: 0 ok, 2 user error, 3 external failure, 4 defect. */
@Command(name = "tenure", mixinStandardHelpOptions = true, version = "tenure 0.1.0",
        description = "Customer retention and service marketing for mobile operators.",
        subcommands = {GenerateCommand.class, RunCommand.class, DemoCommand.class, BenchCommand.class,
                AdvisorBenchCommand.class, TariffsCommand.class, ModelCommand.class, RiskBenchCommand.class,
                ServeCommand.class, ServeBenchCommand.class, PrivacyListsCommand.class})
public final class TenureCli {
    public static void main(String[] args) {
        // the spreadsheet library logs through Log4j; without a provider it would complain on stderr
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("log4j2.simplelogLevel", "ERROR");
        System.exit(execute(args));
    }

    static int execute(String... args) {
        CommandLine cl = new CommandLine(new TenureCli());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof TenureException te) {
                cmd.getErr().println("tenure: " + te.code() + ": " + te.getMessage());
                return te.code().exitCode();
            }
            cmd.getErr().println("tenure: INTERNAL: " + ex);
            ex.printStackTrace(cmd.getErr());
            return ErrorCode.INTERNAL.exitCode();
        });
        return cl.execute(args);
    }
}
