package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rendered error: the source line, and carets under the very expression that could not be typed. */
class CaretTest extends ProgramTest {
    private String rendered(String program) {
        return reject(program).render();
    }

    @Test
    void theCaretsUnderlineTheExpression() throws Exception {
        assertThat(rendered("""
                def entry_point(argv):
                    total = len(argv) + "1"
                    return total
                """)).contains("""
                    total = len(argv) + "1"
                            ^^^^^^^^^^^^^^^
                """);
    }

    @Test
    void aCallIsUnderlinedWholeAfterNonAsciiText() throws Exception {
        assertThat(rendered("""
                def entry_point(argv):
                    names = ["é"]
                    s = "ü" + str(names.append(3))
                    return 0
                """)).contains("""
                    s = "ü" + str(names.append(3))
                                  ^^^^^^^^^^^^^^^
                """);
    }

    @Test
    void anAttributeNeverAssignedIsUnderlinedWhereItIsRead() throws Exception {
        assertThat(rendered("""
                class P(object):
                    def __init__(self):
                        self.x = 1

                def entry_point(argv):
                    p = P()
                    return p.x + p.y
                """)).endsWith("\n    return p.x + p.y\n                 ^^^");
    }

    @Test
    void withoutAnExpressionTheCaretMarksTheLine() throws Exception {
        assertThat(rendered("""
                def f(n):
                    if n > 1:
                        return None
                    return n

                def entry_point(argv):
                    return f(len(argv))
                """)).containsPattern("\\n    return (n|None)\\n    \\^\\n");
    }
}
