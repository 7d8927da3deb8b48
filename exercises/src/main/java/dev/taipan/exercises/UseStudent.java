package dev.taipan.exercises;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.cli.Main;
import java.util.Arrays;

/**
 * {@code taipan --use-student EXERCISE COMMAND ...}: runs any {@code taipan} command with the
 * student's class of EXERCISE in the pipeline in place of the reference (ChocoPy's
 * reference/student switch), e.g. {@code taipan --use-student stage01/ex2 exec --stage=flow
 * prog.py}. The launcher starts this class instead of {@link Main} when it sees the option.
 */
public final class UseStudent {
    private UseStudent() {}

    public static void main(String[] args) {
        if (args.length < 3 || !args[0].equals("--use-student")) {
            System.err.println("usage: taipan --use-student EXERCISE COMMAND [ARGS...]   (taipan grade --list shows the exercises)");
            System.exit(2);
        }
        Exercise e;
        try {
            e = ExerciseCatalog.find(args[1]);
        } catch (TaipanError error) {
            System.err.println(error.render());
            System.exit(1);
            return;
        }
        System.setProperty(e.component().property(), e.studentClass());
        System.err.println("taipan: using " + e.studentClass() + " for " + e.component().name() + " (" + e.id() + ")");
        Main.main(Arrays.copyOfRange(args, 2, args.length));
    }
}
