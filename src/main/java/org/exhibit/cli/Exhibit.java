package org.exhibit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code exhibit} command: a source-critical edition of a forum thread. */
@Command(name = "exhibit", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Reads forum threads built from quoted testimony and shows, for every quoted passage, "
                + "who is speaking, which work it comes from, and the chain of hands it passed through."},
        subcommands = {AnalyzeCommand.class, EvalCommand.class, ExportCommand.class, ServeCommand.class, TimelineCommand.class, IngestCommand.class, SearchCommand.class, StatsCommand.class, CheckCommand.class, VerifyCommand.class, ReuseCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run 'exhibit help COMMAND' for the options of one command."})
public final class Exhibit implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Exhibit());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            // Anything unexpected: one line, no stack trace unless asked for.
            line.getErr().println("exhibit: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            if (System.getenv("EXHIBIT_DEBUG") != null) ex.printStackTrace(line.getErr());
            return 70;
        });
        return cl;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (Throwable t) { // an Error picocli lets through (stack or heap exhausted): one line, not a trace
            System.err.println("exhibit: " + org.exhibit.read.Failures.describe(t));
            if (System.getenv("EXHIBIT_DEBUG") != null) t.printStackTrace();
            code = 70;
        }
        System.exit(code);
    }
}
