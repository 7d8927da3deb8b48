package dev.taipan.flowgraph.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The chapter guide's opcode table is the reference that the host interpreter, the flow space
 * and the RPy VM are written against, so it must list exactly the opcodes that exist, in
 * order, each with the right kind of argument.
 */
class OpcodeTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

    @Test
    void readmeTableListsEveryOpcodeInOrderWithItsArgumentKind() throws IOException {
        Matcher m = ROW.matcher(Files.readString(Path.of("README.md")));
        List<String> rows = m.results().map(r -> r.group(1) + " " + r.group(2).strip()).toList();
        List<String> expected = Arrays.stream(Opcode.values()).map(op -> op.name() + " " + describe(op.arg())).toList();
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    @Test
    void stackEffectsOfVariableOpcodesFollowTheirArgument() {
        assertThat(Opcode.CALL.stackEffect(3, false)).isEqualTo(-3);
        assertThat(Opcode.CALL_METHOD.stackEffect(2, false)).isEqualTo(-3);
        assertThat(Opcode.BUILD_MAP.stackEffect(2, false)).isEqualTo(-3);
        assertThat(Opcode.UNPACK_EX.stackEffect(1 | 2 << 8, false)).isEqualTo(3);
        assertThat(Opcode.FOR_ITER.stackEffect(0, true)).isEqualTo(-1);
        assertThat(Opcode.FOR_ITER.stackEffect(0, false)).isEqualTo(1);
        assertThat(Opcode.MAKE_FUNCTION.stackEffect(1 | 8, false)).isEqualTo(-2);
    }

    private static String describe(Opcode.Arg arg) {
        return switch (arg) {
            case NONE -> "—";
            case CONST -> "const index";
            case LOCAL -> "local index";
            case CELL -> "cell index";
            case NAME -> "name index";
            case JUMP -> "target offset";
            case COUNT -> "count";
            case OPERATOR -> "operator";
            case FLAGS -> "flags";
        };
    }
}
