package dev.taipan.exercises;

import dev.taipan.flowgraph.Exercisable;

/**
 * One graded exercise: the student re-implements {@code component} in {@code studentClass}
 * (the starter, in {@code exercises/ID/}, next to the task text {@code README.md}), and the
 * stage's contract tests for that component grade it. Points live on the contract's test
 * methods ({@code @Points}), so an exercise has no grading data of its own to keep in sync.
 *
 * @param id           {@code stage01/ex1}: also the folder under {@code exercises/}
 * @param title        one line for {@code taipan grade --list}
 * @param component    the switch the stage consults where the pipeline uses the component
 * @param studentClass the class the student edits (the starter as handed out)
 * @param contract     the contract test class, from the stage's test-jar
 */
public record Exercise(String id, String title, Exercisable<?> component, String studentClass, String contract) {

    /** The file the student edits and submits, relative to {@code exercises/}. */
    public String studentFile() {
        return studentClass.replace('.', '/') + ".java";
    }

    /** The file name alone, as a student uploads it to Gradescope. */
    public String studentFileName() {
        return studentClass.substring(studentClass.lastIndexOf('.') + 1) + ".java";
    }
}
