package dev.taipan.flowgraph.bytecode;

import static dev.taipan.flowgraph.bytecode.Opcode.*;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.syntax.Ast;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier rejects each kind of broken code object (hand-assembled here). */
class CodeVerifierTest {

    private static final SourceFile SRC = SourceFile.of("t.py", "");
    private static final Ast.Singleton NONE = Ast.Singleton.NONE;

    /** Instructions as alternating opcode / argument pairs. */
    private static Code code(int flags, List<Object> consts, int stackSize, List<ExceptionEntry> table,
                             List<String> cellvars, List<String> freevars, Object... instrs) {
        byte[] bytes = new byte[instrs.length / 2 * Opcode.SIZE];
        for (int i = 0; i < instrs.length; i += 2) {
            int at = i / 2 * Opcode.SIZE;
            bytes[at] = (byte) (instrs[i] instanceof Opcode op ? op.ordinal() : (Integer) instrs[i]);
            int arg = (Integer) instrs[i + 1];
            bytes[at + 1] = (byte) arg;
            bytes[at + 2] = (byte) (arg >> 8);
            bytes[at + 3] = (byte) (arg >> 16);
        }
        return new Code("f", "f", SRC, 1, 0, 0, 0, flags, List.of("x"), cellvars, freevars, List.of("n"), consts,
                bytes, new int[instrs.length / 2], table, stackSize);
    }

    private static Code code(List<Object> consts, int stackSize, Object... instrs) {
        return code(Code.FUNCTION, consts, stackSize, List.of(), List.of(), List.of(), instrs);
    }

    private static void rejects(Code c, String message) {
        assertThatThrownBy(() -> CodeVerifier.verify(c))
                .isInstanceOf(CodeVerifier.InvalidCode.class).hasMessageContaining(message);
    }

    @Test
    void acceptsWellFormedCode() {
        assertThatCode(() -> CodeVerifier.verify(code(List.of(NONE), 1, LOAD_CONST, 0, RETURN_VALUE, 0)))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsBadArguments() {
        rejects(code(List.of(NONE), 1, LOAD_CONST, 1, RETURN_VALUE, 0), "argument out of range");
        rejects(code(List.of(NONE), 1, LOAD_FAST, 1, RETURN_VALUE, 0), "argument out of range");
        rejects(code(List.of(NONE), 1, LOAD_DEREF, 0, RETURN_VALUE, 0), "argument out of range");
        rejects(code(List.of(NONE), 1, LOAD_GLOBAL, 1, RETURN_VALUE, 0), "argument out of range");
        rejects(code(List.of(NONE), 1, JUMP, 8, RETURN_VALUE, 0), "argument out of range");
        rejects(code(List.of(NONE), 1, JUMP, 2, RETURN_VALUE, 0), "not aligned");
        rejects(code(List.of(NONE), 1, 250, 0, RETURN_VALUE, 0), "invalid opcode");
        rejects(code(List.of(NONE), 1, POP_TOP, 1, RETURN_VALUE, 0), "argument out of range");
        rejects(code(List.of(NONE), 2, LOAD_CONST, 0, LOAD_CONST, 0, COMPARE_OP, 10, RETURN_VALUE, 0),
                "argument out of range");
        rejects(code(List.of(NONE), 2, LOAD_CONST, 0, LOAD_CONST, 0, BINARY_OP, 14, RETURN_VALUE, 0),
                "invalid binary operator");
    }

    @Test
    void rejectsConstantsOfUnknownType() {
        rejects(code(List.of(42), 1, LOAD_CONST, 0, RETURN_VALUE, 0), "constant of unexpected type");
    }

    @Test
    void rejectsStackUnderflow() {
        rejects(code(List.of(NONE), 1, POP_TOP, 0, LOAD_CONST, 0, RETURN_VALUE, 0), "needs 1 stack items, has 0");
        rejects(code(List.of(NONE), 2, LOAD_CONST, 0, LOAD_CONST, 0, BUILD_TUPLE, 3, RETURN_VALUE, 0),
                "needs 3 stack items, has 2");
    }

    @Test
    void rejectsDifferentDepthsOnTwoPaths() {
        rejects(code(List.of(NONE), 3,
                LOAD_CONST, 0, LOAD_CONST, 0, POP_JUMP_IF_FALSE, 16, LOAD_CONST, 0, RETURN_VALUE, 0),
                "stack depth 1 on one path, 2 on another");
    }

    @Test
    void rejectsCodeThatFallsOffTheEnd() {
        rejects(code(List.of(NONE), 1, LOAD_CONST, 0, POP_TOP, 0), "does not end with an unconditional transfer");
    }

    @Test
    void rejectsStackDeeperThanDeclared() {
        rejects(code(List.of(NONE), 1, LOAD_CONST, 0, LOAD_CONST, 0, POP_TOP, 0, RETURN_VALUE, 0), "exceeds stackSize");
    }

    @Test
    void rejectsHandlerDeeperThanTheStack() {
        Code c = code(Code.FUNCTION, List.of(NONE), 3, List.of(new ExceptionEntry(0, 4, 8, 1)), List.of(), List.of(),
                LOAD_CONST, 0, RETURN_VALUE, 0, RERAISE, 0);
        rejects(c, "handler depth 1 above the stack depth 0");
        Code misaligned = code(Code.FUNCTION, List.of(NONE), 3, List.of(new ExceptionEntry(0, 4, 6, 0)), List.of(),
                List.of(), LOAD_CONST, 0, RETURN_VALUE, 0, RERAISE, 0);
        rejects(misaligned, "bad exception table row");
    }

    @Test
    void rejectsIrregularFunctionCreation() {
        Code body = code(List.of(NONE), 1, LOAD_CONST, 0, RETURN_VALUE, 0);
        rejects(code(List.of(NONE, body), 1, LOAD_CONST, 0, MAKE_FUNCTION, 0, RETURN_VALUE, 0),
                "MAKE_FUNCTION not preceded by LOAD_CONST of a code object");
        Code closure = code(Code.FUNCTION, List.of(NONE), 1, List.of(), List.of(), List.of("v"),
                LOAD_CONST, 0, RETURN_VALUE, 0);
        rejects(code(List.of(NONE, closure), 1, LOAD_CONST, 1, MAKE_FUNCTION, 0, RETURN_VALUE, 0),
                "closure flag does not match");
        rejects(code(List.of(NONE, List.of(1L)), 2, LOAD_CONST, 0, LOAD_CONST, 1, CALL_KW, 0, RETURN_VALUE, 0),
                "CALL_KW not preceded by LOAD_CONST of a tuple");
    }

    @Test
    void rejectsClassDerefInAFunction() {
        Code c = code(Code.FUNCTION, List.of(NONE), 1, List.of(), List.of(), List.of("v"),
                LOAD_CLASSDEREF, 0, RETURN_VALUE, 0);
        rejects(c, "LOAD_CLASSDEREF in a function");
    }

    @Test
    void verifiesNestedCodeObjects() {
        Code broken = code(List.of(NONE), 1, POP_TOP, 0, RETURN_VALUE, 0);
        rejects(code(List.of(NONE, broken), 1, LOAD_CONST, 0, RETURN_VALUE, 0), "needs 1 stack items");
    }

    @Test
    void rejectsInconsistentLineTable() {
        Code ok = code(List.of(NONE), 1, LOAD_CONST, 0, RETURN_VALUE, 0);
        Code c = new Code("f", "f", SRC, 1, 0, 0, 0, Code.FUNCTION, ok.varnames(), List.of(), List.of(), ok.names(),
                ok.consts(), ok.code(), new int[1], List.of(), 1);
        rejects(c, "line table");
        List<Object> none = new ArrayList<>();
        none.add(NONE);
        Code empty = new Code("f", "f", SRC, 1, 0, 0, 0, 0, List.of(), List.of(), List.of(), List.of(), none,
                new byte[0], new int[0], List.of(), 0);
        rejects(empty, "code length");
    }
}
