package dev.taipan.flowgraph.compiler;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.CodeVerifier;
import dev.taipan.flowgraph.bytecode.Disassembler;
import dev.taipan.flowgraph.syntax.SyntaxError;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the compiler tests: every compiled code object goes through the verifier. */
final class CompilerTestSupport {

    private CompilerTestSupport() {
    }

    static Code compile(String source) {
        Code code = Compiler.compile(SourceFile.of("test.py", source));
        CodeVerifier.verify(code);
        return code;
    }

    /** The code object named {@code qualname}, searched depth-first among nested code objects. */
    static Code find(Code code, String qualname) {
        if (code.qualname().equals(qualname)) {
            return code;
        }
        for (Object c : code.consts()) {
            if (c instanceof Code nested) {
                Code found = find(nested, qualname);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static Code compileFunction(String source, String qualname) {
        Code code = find(compile(source), qualname);
        if (code == null) {
            throw new AssertionError("no code object " + qualname);
        }
        return code;
    }

    /** "OPNAME meaning" per instruction, e.g. {@code LOAD_FAST x}, {@code JUMP to 12}. */
    static List<String> ops(Code code) {
        return Disassembler.opcodes(code);
    }

    /** Opcode names only. */
    static List<String> names(Code code) {
        List<String> out = new ArrayList<>();
        code.instructions().forEach(i -> out.add(i.opcode().name()));
        return out;
    }

    static SyntaxError error(String source) {
        SyntaxError[] caught = new SyntaxError[1];
        assertThatThrownBy(() -> {
            try {
                Compiler.compile(SourceFile.of("test.py", source));
            } catch (SyntaxError e) {
                caught[0] = e;
                throw e;
            }
        }).isInstanceOf(SyntaxError.class);
        return caught[0];
    }
}
