package dev.taipan.flowgraph.compiler;

import static dev.taipan.flowgraph.compiler.CompilerTestSupport.compile;
import static dev.taipan.flowgraph.compiler.CompilerTestSupport.compileFunction;
import static dev.taipan.flowgraph.compiler.CompilerTestSupport.names;
import static dev.taipan.flowgraph.compiler.CompilerTestSupport.ops;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.Disassembler;
import dev.taipan.flowgraph.bytecode.ExceptionEntry;
import dev.taipan.flowgraph.bytecode.Instruction;
import dev.taipan.flowgraph.bytecode.Opcode;
import dev.taipan.flowgraph.syntax.Ast;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytecode the compiler emits for representative constructs. */
class CompilerShapeTest {

    @Test
    void moduleAssignmentUsesNames() {
        assertThat(ops(compile("x = 1\ny = x\n"))).containsExactly(
                "LOAD_CONST 1", "STORE_NAME x", "LOAD_NAME x", "STORE_NAME y", "LOAD_CONST None", "RETURN_VALUE");
    }

    @Test
    void functionUsesFastLocalsAndGlobals() {
        Code f = compileFunction("def f(a):\n    b = a + g\n    return b\n", "f");
        assertThat(ops(f)).containsExactly(
                "LOAD_FAST a", "LOAD_GLOBAL g", "BINARY_OP +", "STORE_FAST b", "LOAD_FAST b", "RETURN_VALUE");
        assertThat(f.varnames()).containsExactly("a", "b");
        assertThat(f.argCount()).isEqualTo(1);
        assertThat(f.hasFlag(Code.FUNCTION)).isTrue();
        assertThat(f.consts().getFirst()).isEqualTo(Ast.Singleton.NONE);
    }

    @Test
    void disassemblyLooksLikeDis() {
        Code f = compileFunction("def f(x):\n    while x:\n        x -= 1\n    return x\n", "f");
        assertThat(Disassembler.instructions(f)).isEqualTo("""
                   2    >>     0 LOAD_FAST                0 (x)
                               4 POP_JUMP_IF_FALSE       28 (to 28)

                   3           8 LOAD_FAST                0 (x)
                              12 LOAD_CONST               1 (1)
                              16 BINARY_OP               17 (-=)
                              20 STORE_FAST               0 (x)

                   2          24 JUMP                     0 (to 0)

                   4    >>    28 LOAD_FAST                0 (x)
                              32 RETURN_VALUE
                """);
    }

    @Test
    void everyInstructionHasTheLineOfItsNode() {
        Code f = compileFunction("""
                def f(a,
                      b):
                    x = g(a,
                          b)
                    return x
                """, "f");
        assertThat(f.instructions()).extracting(Instruction::line).containsExactly(3, 3, 4, 3, 3, 5, 5);
    }

    @Test
    void methodCallsUseLoadMethod() {
        assertThat(ops(compile("o.m(1, 2)\n"))).startsWith(
                "LOAD_NAME o", "LOAD_METHOD m", "LOAD_CONST 1", "LOAD_CONST 2", "CALL_METHOD 2", "POP_TOP");
    }

    @Test
    void keywordCallsPassAConstantTupleOfNames() {
        assertThat(ops(compile("f(1, a=2, b=3)\n"))).startsWith(
                "LOAD_NAME f", "LOAD_CONST 1", "LOAD_CONST 2", "LOAD_CONST 3", "LOAD_CONST ('a', 'b')", "CALL_KW 3");
        assertThat(ops(compile("o.m(a=2)\n"))).startsWith(
                "LOAD_NAME o", "LOAD_ATTR m", "LOAD_CONST 2", "LOAD_CONST ('a',)", "CALL_KW 1");
    }

    @Test
    void starCallsBuildATupleAndADict() {
        assertThat(ops(compile("f(1, *a, 2, k=3, **d)\n"))).startsWith(
                "LOAD_NAME f", "LOAD_CONST 1", "BUILD_LIST 1", "LOAD_NAME a", "LIST_EXTEND 1", "LOAD_CONST 2",
                "LIST_APPEND 1", "LIST_TO_TUPLE", "LOAD_CONST 'k'", "LOAD_CONST 3", "BUILD_MAP 1", "LOAD_NAME d",
                "DICT_MERGE 1", "CALL_EX kwargs", "POP_TOP");
        assertThat(ops(compile("f(*a, 1)\n"))).startsWith(
                "LOAD_NAME f", "BUILD_LIST 0", "LOAD_NAME a", "LIST_EXTEND 1", "LOAD_CONST 1", "LIST_APPEND 1",
                "LIST_TO_TUPLE", "CALL_EX 0", "POP_TOP");
        // the common shape keeps its positional arguments apart from the star one
        assertThat(ops(compile("f(*a)\n"))).startsWith("LOAD_NAME f", "LOAD_NAME a", "CALL_EX 0 + *rest", "POP_TOP");
        assertThat(ops(compile("f(1, 2, *a)\n"))).startsWith(
                "LOAD_NAME f", "LOAD_CONST 1", "LOAD_CONST 2", "LOAD_NAME a", "CALL_EX 2 + *rest", "POP_TOP");
    }

    @Test
    void ifElseJumpsAroundBranches() {
        Code f = compileFunction("def f(a):\n    if a:\n        return 1\n    else:\n        return 2\n", "f");
        assertThat(ops(f)).containsExactly(
                "LOAD_FAST a", "POP_JUMP_IF_FALSE to 16", "LOAD_CONST 1", "RETURN_VALUE",
                "LOAD_CONST 2", "RETURN_VALUE", "LOAD_CONST None", "RETURN_VALUE");
    }

    @Test
    void conditionsWithNotAndOrBecomeJumps() {
        Code f = compileFunction("def f(a, b, c):\n    if not a and (b or c):\n        g()\n", "f");
        assertThat(ops(f)).startsWith(
                "LOAD_FAST a", "POP_JUMP_IF_TRUE to 36",
                "LOAD_FAST b", "POP_JUMP_IF_TRUE to 24",
                "LOAD_FAST c", "POP_JUMP_IF_FALSE to 36",
                "LOAD_GLOBAL g");
    }

    @Test
    void booleanOperatorsAsValuesKeepTheDecidingOperand() {
        assertThat(ops(compile("x = a and b or c\n"))).startsWith(
                "LOAD_NAME a", "JUMP_IF_FALSE_OR_POP to 12", "LOAD_NAME b", "JUMP_IF_TRUE_OR_POP to 20",
                "LOAD_NAME c", "STORE_NAME x");
    }

    @Test
    void whileTrueHasNoTest() {
        Code f = compileFunction("def f():\n    while True:\n        if g():\n            break\n", "f");
        assertThat(ops(f)).containsExactly(
                "LOAD_GLOBAL g", "CALL 0", "POP_JUMP_IF_FALSE to 16", "JUMP to 20", "JUMP to 0",
                "LOAD_CONST None", "RETURN_VALUE");
    }

    @Test
    void forLoopKeepsItsIteratorAndBreakPopsIt() {
        Code f = compileFunction("""
                def f(xs):
                    for x in xs:
                        if x:
                            break
                        continue
                    else:
                        g()
                """, "f");
        assertThat(ops(f)).containsExactly(
                "LOAD_FAST xs", "GET_ITER",
                "FOR_ITER to 36", "STORE_FAST x",
                "LOAD_FAST x", "POP_JUMP_IF_FALSE to 32", "POP_TOP", "JUMP to 48",
                "JUMP to 8",
                "LOAD_GLOBAL g", "CALL 0", "POP_TOP",
                "LOAD_CONST None", "RETURN_VALUE");
    }

    @Test
    void chainedComparisonEvaluatesTheMiddleOnce() {
        assertThat(ops(compile("x = a < b <= c\n"))).startsWith(
                "LOAD_NAME a", "LOAD_NAME b", "SWAP 2", "COPY 2", "COMPARE_OP <", "JUMP_IF_FALSE_OR_POP to 36",
                "LOAD_NAME c", "COMPARE_OP <=", "JUMP to 44", "SWAP 2", "POP_TOP", "STORE_NAME x");
    }

    @Test
    void tryExceptShape() {
        Code f = compileFunction("""
                def f():
                    try:
                        a()
                    except E as e:
                        b(e)
                    except:
                        c()
                """, "f");
        assertThat(ops(f)).containsExactly(
                "LOAD_GLOBAL a", "CALL 0", "POP_TOP", "JUMP to 124",
                // handler: the exception is on the stack
                "PUSH_EXC_INFO",
                "LOAD_GLOBAL E", "CHECK_EXC_MATCH", "POP_JUMP_IF_FALSE to 88", "STORE_FAST e",
                "LOAD_GLOBAL b", "LOAD_FAST e", "CALL 1", "POP_TOP",
                "POP_EXCEPT", "LOAD_CONST None", "STORE_FAST e", "DELETE_FAST e", "JUMP to 124",
                // e is cleared also when the handler body raises
                "LOAD_CONST None", "STORE_FAST e", "DELETE_FAST e", "RERAISE",
                // bare except
                "POP_TOP", "LOAD_GLOBAL c", "CALL 0", "POP_TOP", "POP_EXCEPT", "JUMP to 124",
                // cleanup: restore the previously handled exception, propagate
                "SWAP 2", "POP_EXCEPT", "RERAISE",
                "LOAD_CONST None", "RETURN_VALUE");
        assertThat(f.exceptionTable()).containsExactly(
                new ExceptionEntry(0, 12, 16, 0),       // try body -> handler, nothing under the exception
                new ExceptionEntry(16, 36, 112, 1),     // matching -> cleanup, keeping prev
                new ExceptionEntry(36, 52, 72, 1),      // `as e` body -> clear e, then cleanup
                // 52..72 (POP_EXCEPT; e = None; del e; JUMP) is outside every handler
                new ExceptionEntry(72, 104, 112, 1));   // clearing e, bare-except body -> cleanup
    }

    @Test
    void unmatchedExceptionIsReraised() {
        Code f = compileFunction("def f():\n    try:\n        a()\n    except E:\n        pass\n", "f");
        assertThat(ops(f)).containsSequence(
                "PUSH_EXC_INFO", "LOAD_GLOBAL E", "CHECK_EXC_MATCH", "POP_JUMP_IF_FALSE to 44", "POP_TOP",
                "POP_EXCEPT", "JUMP to 60", "RERAISE", "SWAP 2", "POP_EXCEPT", "RERAISE");
    }

    @Test
    void finallyIsDuplicatedOnEveryExit() {
        Code f = compileFunction("""
                def f(xs):
                    for x in xs:
                        try:
                            if x:
                                return x
                            if g():
                                break
                        finally:
                            fin()
                """, "f");
        // normal path, return path, break path, exception path
        assertThat(Collections.frequency(ops(f), "LOAD_GLOBAL fin")).isEqualTo(4);
        // the exception-path copy runs inside PUSH_EXC_INFO ... RERAISE
        List<String> ops = ops(f);
        int handler = ops.indexOf("PUSH_EXC_INFO");
        assertThat(ops.subList(handler, handler + 6)).containsExactly(
                "PUSH_EXC_INFO", "LOAD_GLOBAL fin", "CALL 0", "POP_TOP", "RERAISE", "SWAP 2");
        // the return path keeps the value on the stack while the finally body runs, then pops the iterator
        assertThat(ops).containsSequence(
                "LOAD_FAST x", "LOAD_GLOBAL fin", "CALL 0", "POP_TOP", "SWAP 2", "POP_TOP", "RETURN_VALUE");
    }

    @Test
    void finallyCopiesOnTheExitPathsAreNotCoveredByTheirOwnHandler() {
        Code f = compileFunction("def f():\n    try:\n        return g()\n    finally:\n        fin()\n", "f");
        List<Instruction> code = f.instructions();
        for (Instruction in : code) {
            if (in.opcode() == Opcode.LOAD_GLOBAL && f.names().get(in.arg()).equals("fin")) {
                ExceptionEntry h = f.handlerFor(in.offset());
                // either not covered, or covered by the cleanup of the exception-path copy
                assertThat(h == null || h.depth() == 1).as("fin() at %d", in.offset()).isTrue();
            }
        }
    }

    @Test
    void withCallsExitOnBothPaths() {
        Code f = compileFunction("def f():\n    with m() as v:\n        g(v)\n", "f");
        assertThat(ops(f)).containsExactly(
                "LOAD_GLOBAL m", "CALL 0", "BEFORE_WITH", "STORE_FAST v",
                "LOAD_GLOBAL g", "LOAD_FAST v", "CALL 1", "POP_TOP",
                "LOAD_CONST None", "LOAD_CONST None", "LOAD_CONST None", "CALL 3", "POP_TOP", "JUMP to 100",
                "PUSH_EXC_INFO", "WITH_EXCEPT_START", "POP_JUMP_IF_TRUE to 72", "RERAISE",
                "POP_TOP", "POP_EXCEPT", "POP_TOP", "JUMP to 100",
                "SWAP 2", "POP_EXCEPT", "RERAISE",
                "LOAD_CONST None", "RETURN_VALUE");
        assertThat(f.exceptionTable()).containsExactly(
                new ExceptionEntry(12, 32, 56, 1),
                new ExceptionEntry(56, 76, 88, 2));
    }

    @Test
    void returnFromWithCallsExitUnderTheValue() {
        Code f = compileFunction("def f():\n    with m():\n        return g()\n", "f");
        assertThat(ops(f)).containsSequence(
                "LOAD_GLOBAL g", "CALL 0", "SWAP 2", "LOAD_CONST None", "LOAD_CONST None", "LOAD_CONST None",
                "CALL 3", "POP_TOP", "RETURN_VALUE");
    }

    @Test
    void returnFromHandlerPopsTheHandledException() {
        Code f = compileFunction("""
                def f():
                    try:
                        pass
                    except E as e:
                        return e
                """, "f");
        assertThat(ops(f)).containsSequence(
                "LOAD_FAST e", "SWAP 2", "POP_EXCEPT", "LOAD_CONST None", "STORE_FAST e", "DELETE_FAST e",
                "RETURN_VALUE");
    }

    @Test
    void listComprehensionIsInlined() {
        Code f = compileFunction("def f(xs):\n    x = 0\n    return [x * 2 for x in xs if x]\n", "f");
        assertThat(ops(f)).containsExactly(
                "LOAD_CONST 0", "STORE_FAST x",
                "LOAD_FAST xs", "GET_ITER", "BUILD_LIST 0", "SWAP 2",
                "FOR_ITER to 60", "STORE_FAST x", "LOAD_FAST x", "POP_JUMP_IF_FALSE to 24",
                "LOAD_FAST x", "LOAD_CONST 2", "BINARY_OP *", "LIST_APPEND 2", "JUMP to 24",
                "RETURN_VALUE");
        // the comprehension's x has its own slot, next to the function's x
        assertThat(f.varnames()).containsExactly("xs", "x", "x");
        assertThat(f.instructions().get(7).arg()).isEqualTo(2);
        assertThat(f.consts()).noneMatch(c -> c instanceof Code);
    }

    @Test
    void nestedComprehensionAppendsBelowAllIterators() {
        Code m = compile("r = {k: v for a in b for k, v in a}\n");
        assertThat(ops(m)).containsExactly(
                "LOAD_NAME b", "GET_ITER", "BUILD_MAP 0", "SWAP 2",
                "FOR_ITER to 68", "STORE_FAST a",
                "LOAD_FAST a", "GET_ITER",
                "FOR_ITER to 64", "UNPACK_SEQUENCE 2", "STORE_FAST k", "STORE_FAST v",
                "LOAD_FAST k", "LOAD_FAST v", "MAP_ADD 3", "JUMP to 32",
                "JUMP to 16",
                "STORE_NAME r", "LOAD_CONST None", "RETURN_VALUE");
        assertThat(m.instructions()).filteredOn(i -> i.opcode() == Opcode.MAP_ADD)
                .extracting(Instruction::arg).containsExactly(3);
        assertThat(m.varnames()).containsExactly("a", "k", "v");
    }

    @Test
    void setComprehensionAndDisplay() {
        assertThat(ops(compile("s = {x for x in y}\n"))).contains("BUILD_SET 0", "SET_ADD 2");
        assertThat(ops(compile("s = {1, *a, 2}\n"))).startsWith(
                "LOAD_CONST 1", "BUILD_SET 1", "LOAD_NAME a", "SET_UPDATE 1", "LOAD_CONST 2", "SET_ADD 1");
    }

    @Test
    void generatorExpressionIsANestedGenerator() {
        Code m = compile("g = (x + 1 for x in xs if x)\n");
        assertThat(ops(m)).startsWith(
                "LOAD_CONST <code object <genexpr> at test.py:1>", "MAKE_FUNCTION 0",
                "LOAD_NAME xs", "GET_ITER", "CALL 1", "STORE_NAME g");
        Code gen = CompilerTestSupport.find(m, "<genexpr>");
        assertThat(gen.hasFlag(Code.GENERATOR)).isTrue();
        assertThat(gen.argCount()).isEqualTo(1);
        assertThat(gen.varnames()).containsExactly(".0", "x");
        assertThat(ops(gen)).containsExactly(
                "LOAD_FAST .0", "FOR_ITER to 44", "STORE_FAST x", "LOAD_FAST x", "POP_JUMP_IF_FALSE to 4",
                "LOAD_FAST x", "LOAD_CONST 1", "BINARY_OP +", "YIELD_VALUE", "POP_TOP", "JUMP to 4",
                "LOAD_CONST None", "RETURN_VALUE");
    }

    @Test
    void capturedComprehensionVariableGetsAFreshCell() {
        Code m = compile("fs = [lambda: x for x in range(3)]\n");
        assertThat(m.cellvars()).containsExactly("x");
        assertThat(ops(m)).startsWith("LOAD_NAME range", "LOAD_CONST 3", "CALL 1", "GET_ITER", "MAKE_CELL x",
                "BUILD_LIST 0", "SWAP 2", "FOR_ITER to 60", "STORE_DEREF x", "LOAD_CLOSURE x", "BUILD_TUPLE 1",
                "LOAD_CONST <code object <lambda> at test.py:1>", "MAKE_FUNCTION closure", "LIST_APPEND 2");
        assertThat(CompilerTestSupport.find(m, "<lambda>").freevars()).containsExactly("x");
    }

    @Test
    void constantsAreDeduplicatedWithPythonIdentity() {
        Code m = compile("a = 1\nb = 1.0\nc = True\nd = 1\ne = 0.0\nf = -0.0\ng = 0.0\n");
        assertThat(m.consts()).containsExactly(1L, 1.0, true, 0.0, -0.0, Ast.Singleton.NONE);
    }

    @Test
    void foldsNegativeLiteralsAndConstantTuples() {
        Code m = compile("a = -1\nb = (1, -2.5, ('x', None))\nc = -9223372036854775808\nd = -(9223372036854775808 * 2)\n");
        assertThat(m.consts()).contains(-1L, List.of(1L, -2.5, List.of("x", Ast.Singleton.NONE)), Long.MIN_VALUE);
        assertThat(ops(m)).contains("UNARY_OP -");
        assertThat(m.consts()).contains(new BigInteger("9223372036854775808"));
    }

    @Test
    void docstrings() {
        Code m = compile("'module doc'\ndef f():\n    'f doc'\n    return 1\nclass C:\n    'C doc'\n");
        assertThat(ops(m)).startsWith("LOAD_CONST 'module doc'", "STORE_NAME __doc__");
        Code f = CompilerTestSupport.find(m, "f");
        assertThat(f.consts().getFirst()).isEqualTo("f doc");
        assertThat(ops(f)).containsExactly("LOAD_CONST 1", "RETURN_VALUE");
        assertThat(ops(CompilerTestSupport.find(m, "C"))).containsExactly(
                "LOAD_NAME __name__", "STORE_NAME __module__", "LOAD_CONST 'C'", "STORE_NAME __qualname__",
                "LOAD_CONST 'C doc'", "STORE_NAME __doc__", "LOAD_CONST None", "RETURN_VALUE");
    }

    @Test
    void decoratorsApplyBottomUp() {
        assertThat(ops(compile("@a\n@b(1)\ndef f(x=1, *, y=2): pass\n"))).containsExactly(
                "LOAD_NAME a", "LOAD_NAME b", "LOAD_CONST 1", "CALL 1",
                "LOAD_CONST 1", "BUILD_TUPLE 1", "LOAD_CONST 'y'", "LOAD_CONST 2", "BUILD_MAP 1",
                "LOAD_CONST <code object f at test.py:1>", "MAKE_FUNCTION defaults, kwdefaults",
                "CALL 1", "CALL 1", "STORE_NAME f", "LOAD_CONST None", "RETURN_VALUE");
    }

    @Test
    void classDefinition() {
        Code m = compile("class C(B, metaclass=M):\n    def m(self):\n        return super().m()\n");
        assertThat(ops(m)).startsWith(
                "LOAD_BUILD_CLASS", "LOAD_CONST <code object C at test.py:1>", "MAKE_FUNCTION 0", "LOAD_CONST 'C'",
                "LOAD_NAME B", "LOAD_NAME M", "LOAD_CONST ('metaclass',)", "CALL_KW 4", "STORE_NAME C");
        Code c = CompilerTestSupport.find(m, "C");
        assertThat(c.hasFlag(Code.FUNCTION)).isFalse();
        assertThat(c.cellvars()).containsExactly("__class__");
        assertThat(ops(c)).endsWith(
                "LOAD_CLOSURE __class__", "BUILD_TUPLE 1", "LOAD_CONST <code object C.m at test.py:2>",
                "MAKE_FUNCTION closure", "STORE_NAME m",
                "LOAD_CLOSURE __class__", "COPY 1", "STORE_NAME __classcell__", "RETURN_VALUE");
        assertThat(CompilerTestSupport.find(m, "C.m").freevars()).containsExactly("__class__");
    }

    @Test
    void assertUsesLoadAssertionError() {
        assertThat(ops(compile("assert x, 'msg'\n"))).startsWith(
                "LOAD_NAME x", "POP_JUMP_IF_TRUE to 24", "LOAD_ASSERTION_ERROR", "LOAD_CONST 'msg'", "CALL 1",
                "RAISE_VARARGS 1", "LOAD_CONST None");
    }

    @Test
    void augmentedAssignmentToAttributesAndItems() {
        assertThat(ops(compile("a.b += 1\n"))).startsWith(
                "LOAD_NAME a", "COPY 1", "LOAD_ATTR b", "LOAD_CONST 1", "BINARY_OP +=", "SWAP 2", "STORE_ATTR b");
        assertThat(ops(compile("a[i] *= 2\n"))).startsWith(
                "LOAD_NAME a", "LOAD_NAME i", "COPY 2", "COPY 2", "BINARY_SUBSCR", "LOAD_CONST 2", "BINARY_OP *=",
                "SWAP 3", "SWAP 2", "STORE_SUBSCR");
    }

    @Test
    void unpacking() {
        assertThat(ops(compile("a, (b, c) = x\n"))).startsWith(
                "LOAD_NAME x", "UNPACK_SEQUENCE 2", "STORE_NAME a", "UNPACK_SEQUENCE 2", "STORE_NAME b", "STORE_NAME c");
        Code m = compile("a, *b, c, d = x\n");
        assertThat(m.instructions().get(1).opcode()).isEqualTo(Opcode.UNPACK_EX);
        assertThat(m.instructions().get(1).arg()).isEqualTo(1 | 2 << 8);
        assertThat(ops(compile("x = y = 1\n"))).startsWith("LOAD_CONST 1", "COPY 1", "STORE_NAME x", "STORE_NAME y");
    }

    @Test
    void slicesAndSubscripts() {
        assertThat(ops(compile("a[1:2]\na[::3]\na[1, 2:]\n"))).containsExactly(
                "LOAD_NAME a", "LOAD_CONST 1", "LOAD_CONST 2", "BUILD_SLICE 2", "BINARY_SUBSCR", "POP_TOP",
                "LOAD_NAME a", "LOAD_CONST None", "LOAD_CONST None", "LOAD_CONST 3", "BUILD_SLICE 3", "BINARY_SUBSCR",
                "POP_TOP",
                "LOAD_NAME a", "LOAD_CONST 1", "LOAD_CONST 2", "LOAD_CONST None", "BUILD_SLICE 2", "BUILD_TUPLE 2",
                "BINARY_SUBSCR", "POP_TOP",
                "LOAD_CONST None", "RETURN_VALUE");
    }

    @Test
    void imports() {
        assertThat(ops(compile("import a.b\nimport a.b.c as d\nfrom .m import x as y, z\nfrom p import *\n")))
                .containsExactly(
                        "LOAD_CONST 0", "LOAD_CONST None", "IMPORT_NAME a.b", "STORE_NAME a",
                        "LOAD_CONST 0", "LOAD_CONST None", "IMPORT_NAME a.b.c", "IMPORT_FROM b", "SWAP 2", "POP_TOP",
                        "IMPORT_FROM c", "SWAP 2", "POP_TOP", "STORE_NAME d",
                        "LOAD_CONST 1", "LOAD_CONST ('x', 'z')", "IMPORT_NAME m", "IMPORT_FROM x", "STORE_NAME y",
                        "IMPORT_FROM z", "STORE_NAME z", "POP_TOP",
                        "LOAD_CONST 0", "LOAD_CONST ('*',)", "IMPORT_NAME p", "IMPORT_STAR",
                        "LOAD_CONST None", "RETURN_VALUE");
    }

    @Test
    void fStrings() {
        assertThat(ops(compile("s = f'a{x!r}b{y:>{w}}'\n"))).startsWith(
                "LOAD_CONST 'a'", "LOAD_NAME x", "FORMAT_VALUE repr", "LOAD_CONST 'b'", "LOAD_NAME y",
                "LOAD_CONST '>'", "LOAD_NAME w", "FORMAT_VALUE 0", "BUILD_STRING 2", "FORMAT_VALUE with format",
                "BUILD_STRING 4", "STORE_NAME s");
    }

    @Test
    void generatorsAndYieldFrom() {
        Code f = compileFunction("def f():\n    x = yield 1\n    yield from x\n", "f");
        assertThat(f.hasFlag(Code.GENERATOR)).isTrue();
        assertThat(ops(f)).containsExactly(
                "LOAD_CONST 1", "YIELD_VALUE", "STORE_FAST x",
                "LOAD_FAST x", "GET_YIELD_FROM_ITER", "LOAD_CONST None", "YIELD_FROM", "POP_TOP",
                "LOAD_CONST None", "RETURN_VALUE");
    }

    @Test
    void deleteTargets() {
        assertThat(ops(compileFunction("def f(a):\n    del a, g.x, g[0]\n", "f"))).startsWith(
                "DELETE_FAST a", "LOAD_GLOBAL g", "DELETE_ATTR x", "LOAD_GLOBAL g", "LOAD_CONST 0", "DELETE_SUBSCR");
    }

    @Test
    void dictDisplays() {
        assertThat(ops(compile("d = {'a': 1, **m, 'b': 2}\n"))).startsWith(
                "LOAD_CONST 'a'", "LOAD_CONST 1", "BUILD_MAP 1", "LOAD_NAME m", "DICT_UPDATE 1",
                "LOAD_CONST 'b'", "LOAD_CONST 2", "BUILD_MAP 1", "DICT_UPDATE 1", "STORE_NAME d");
    }

    @Test
    void raiseForms() {
        assertThat(names(compileFunction("def f():\n    raise E from c\n", "f"))).containsExactly(
                "LOAD_GLOBAL", "LOAD_GLOBAL", "RAISE_VARARGS");
        assertThat(CompilerTestSupport.compileFunction("def f():\n    raise E from c\n", "f").instructions()
                .get(2).arg()).isEqualTo(2);
    }

    @Test
    void deadCodeAfterReturnIsDropped() {
        assertThat(ops(compileFunction("def f():\n    return 1\n    g()\n", "f")))
                .containsExactly("LOAD_CONST 1", "RETURN_VALUE");
    }

    @Test
    void argumentCellsAreCopiedFirst() {
        Code f = compileFunction("def f(a, b):\n    return lambda: b\n", "f");
        assertThat(ops(f)).startsWith("LOAD_FAST b", "STORE_DEREF b");
        assertThat(f.varnames()).containsExactly("a", "b");
        assertThat(f.cellvars()).containsExactly("b");
    }

    @Test
    void qualifiedNames() {
        Code m = compile("""
                def f():
                    def g():
                        pass
                    class K:
                        def m(self):
                            pass
                    return lambda: 0
                """);
        assertThat(CompilerTestSupport.find(m, "f.<locals>.g")).isNotNull();
        assertThat(CompilerTestSupport.find(m, "f.<locals>.K.m")).isNotNull();
        assertThat(CompilerTestSupport.find(m, "f.<locals>.<lambda>")).isNotNull();
    }

    @Test
    void emptyAndDocstringOnlyModules() {
        assertThat(ops(compile(""))).containsExactly("LOAD_CONST None", "RETURN_VALUE");
        assertThat(ops(compile("'just a doc'\n"))).containsExactly(
                "LOAD_CONST 'just a doc'", "STORE_NAME __doc__", "LOAD_CONST None", "RETURN_VALUE");
    }

    @Test
    void disassemblyShowsTheExceptionTableAndNestedCode() {
        String dis = Disassembler.dis(compile("def f():\n    try:\n        g()\n    except:\n        pass\n"));
        assertThat(dis).contains("Disassembly of <code object f at test.py:1>:\n",
                "ExceptionTable:\n  0 to 12 -> 16 [0]\n  16 to 24 -> 32 [1]\n",
                ">>    16 PUSH_EXC_INFO");
    }
}
