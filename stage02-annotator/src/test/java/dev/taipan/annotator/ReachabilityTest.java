package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Blocked blocks (an operation that can never succeed) and the lines no path reaches. */
class ReachabilityTest extends ProgramTest {
    @Test
    void linesAfterACallThatNeverReturnsAndUntakenBranchesAreListed() throws IOException {
        String out = annotate("""
                from rpython.rlib.objectmodel import we_are_translated

                def fail(msg):
                    raise ValueError(msg)

                def entry_point(argv):
                    if len(argv) > 3:
                        fail("too many")
                        print("after fail")
                    if not we_are_translated():
                        print("untranslated")
                    return 0
                """);
        assertThat(out).contains("def fail(msg: str) -> Never")
                .contains("# never reached (")
                .contains("prog.py:9 in entry_point: print(\"after fail\")")
                .contains("prog.py:11 in entry_point: print(\"untranslated\")")
                .doesNotContain(":8 in entry_point");
    }

    @Test
    void aProgramWithEverythingReachableHasNoSuchSection() throws IOException {
        assertThat(annotate("""
                def entry_point(argv):
                    return len(argv)
                """)).doesNotContain("never reached");
    }

    @Test
    void anAttributeOfAParameterThatIsAlwaysNoneCannotSucceed() {
        AnnotatorError e = catchThrowableOfType(AnnotatorError.class, () -> annotate("""
                def name_of(node):
                    return node.name

                def entry_point(argv):
                    print(name_of(None))
                    return 0
                """));
        assertThat(e.getMessage()).isEqualTo("'node' is always None here, so reading its attribute 'name' cannot succeed");
        assertThat(e.line).isEqualTo(2);
    }

    @Test
    void anAttributeOfTheConstantNoneCannotSucceed() {
        AnnotatorError e = catchThrowableOfType(AnnotatorError.class, () -> annotate("""
                def entry_point(argv):
                    x = None
                    print(x.foo)
                    return 0
                """));
        assertThat(e.getMessage()).isEqualTo("reading attribute 'foo' of None cannot succeed");
        assertThat(e.line).isEqualTo(3);
    }

    @Test
    void theEntryPointReturnsTheExitStatus() {
        AnnotatorError e = catchThrowableOfType(AnnotatorError.class, () -> annotate("""
                def entry_point(argv):
                    return "done"
                """));
        assertThat(e.getMessage()).isEqualTo("entry_point must return an int (the exit status), but returns a str");
        assertThat(e.line).isEqualTo(1);
    }
}
