package dev.taipan.flowgraph.cli;

import dev.taipan.flowgraph.TaipanError;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code taipan} command line. Subcommands come from every {@link CommandProvider} on the
 * class path. A {@link TaipanError} (a mistake in the user's program or command) is printed as
 * one clear message and exit status 1; anything else is a bug in Taipan and says so. Neither
 * shows a Java stack trace unless {@code --debug} is given.
 */
@Command(name = "taipan", mixinStandardHelpOptions = true, version = "Taipan 0.1.0",
        description = "PyPy's architecture, rebuilt stage by stage in Java.",
        subcommandsRepeatable = false)
public final class Main {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show Java stack traces for errors.")
    boolean debug;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; returns the exit status. Used by tests and notebooks. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        ServiceLoader.load(CommandProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .flatMap(p -> p.commands().stream())
                .sorted(Comparator.comparing(Main::commandName))
                .forEach(cli::addSubcommand);
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, main.debug, err));
        if (args.length == 0) {
            cli.usage(err);
            return 2;
        }
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int report(Exception e, boolean debug, PrintWriter err) {
        if (e instanceof TaipanError user) {
            err.println(user.render());
        } else {
            err.println("internal error in Taipan: " + e
                    + (debug ? "" : "\n(run with --debug for the Java stack trace, and please report it)"));
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof TaipanError ? 1 : 70;
    }

    private static String commandName(Object command) {
        return command instanceof CommandLine cli
                ? cli.getCommandName()
                : command.getClass().getAnnotation(Command.class).name();
    }
}
