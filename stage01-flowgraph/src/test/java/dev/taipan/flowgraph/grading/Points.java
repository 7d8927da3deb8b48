package dev.taipan.flowgraph.grading;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a contract test is worth when the exercises' grader runs it against a student's class
 * (see {@code exercises/README.md}). The stage's own build ignores it: there the same test simply
 * checks the reference. Weigh a test by how central the behaviour is, not by how hard it is.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    int value();
}
