package dev.taipan.flowgraph.compiler;

import static dev.taipan.flowgraph.compiler.CompilerTestSupport.compile;
import static dev.taipan.flowgraph.compiler.CompilerTestSupport.find;
import static dev.taipan.flowgraph.compiler.CompilerTestSupport.ops;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.bytecode.Code;
import org.junit.jupiter.api.Test;

/** Where names live: fast locals, cells, free variables, globals, namespace names. */
class CompilerScopeTest {

    @Test
    void closureVariableIsACellOutsideAndFreeInside() {
        Code m = compile("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
        Code f = find(m, "f");
        Code g = find(m, "f.<locals>.g");
        assertThat(f.cellvars()).containsExactly("x");
        assertThat(f.varnames()).containsExactly("g");
        assertThat(ops(f)).startsWith("LOAD_CONST 1", "STORE_DEREF x", "LOAD_CLOSURE x");
        assertThat(g.freevars()).containsExactly("x");
        assertThat(ops(g)).containsExactly("LOAD_DEREF x", "RETURN_VALUE");
    }

    @Test
    void freeVariablesPassThroughIntermediateFunctions() {
        Code m = compile("def f(x):\n    def g():\n        def h():\n            return x\n        return h\n");
        assertThat(find(m, "f").cellvars()).containsExactly("x");
        assertThat(find(m, "f.<locals>.g").freevars()).containsExactly("x");
        assertThat(find(m, "f.<locals>.g").cellvars()).isEmpty();
        assertThat(ops(find(m, "f.<locals>.g"))).startsWith("LOAD_CLOSURE x", "BUILD_TUPLE 1");
        assertThat(find(m, "f.<locals>.g.<locals>.h").freevars()).containsExactly("x");
    }

    @Test
    void nonlocalWritesTheEnclosingCell() {
        Code m = compile("def f():\n    x = 0\n    def g():\n        nonlocal x\n        x += 1\n    return g\n");
        assertThat(ops(find(m, "f.<locals>.g"))).startsWith(
                "LOAD_DEREF x", "LOAD_CONST 1", "BINARY_OP +=", "STORE_DEREF x");
    }

    @Test
    void globalDeclarationInAFunction() {
        Code f = find(compile("def f():\n    global x\n    x = x + 1\n    del x\n"), "f");
        assertThat(ops(f)).startsWith("LOAD_GLOBAL x", "LOAD_CONST 1", "BINARY_OP +", "STORE_GLOBAL x",
                "DELETE_GLOBAL x");
        assertThat(f.varnames()).isEmpty();
    }

    @Test
    void globalDeclarationAtModuleLevel() {
        assertThat(ops(compile("global x\nx = 1\n"))).startsWith("LOAD_CONST 1", "STORE_GLOBAL x");
    }

    @Test
    void everyBindingMakesALocal() {
        Code f = find(compile("""
                def f(a, *args, k, **kw):
                    import os.path
                    from m import n as nn
                    for i in a:
                        pass
                    with a as w:
                        pass
                    try:
                        pass
                    except E as e:
                        pass
                    def g(): pass
                    class K: pass
                    del a
                    ann: int
                """), "f");
        assertThat(f.varnames()).containsExactly("a", "k", "args", "kw", "os", "nn", "i", "w", "e", "g", "K", "ann");
        assertThat(f.argCount()).isEqualTo(1);
        assertThat(f.kwOnlyArgCount()).isEqualTo(1);
        assertThat(f.hasFlag(Code.VARARGS)).isTrue();
        assertThat(f.hasFlag(Code.VARKEYWORDS)).isTrue();
        assertThat(ops(f)).doesNotContain("STORE_NAME os", "STORE_GLOBAL os");
    }

    @Test
    void classBodyUsesNamesAndClassDerefForEnclosingFunctionVariables() {
        Code m = compile("def f():\n    x = 1\n    class C:\n        y = x\n        z = y\n");
        Code c = find(m, "f.<locals>.C");
        assertThat(c.freevars()).containsExactly("x");
        assertThat(ops(c)).containsSequence("LOAD_CLASSDEREF x", "STORE_NAME y", "LOAD_NAME y", "STORE_NAME z");
        assertThat(find(m, "f").cellvars()).containsExactly("x");
        assertThat(ops(find(m, "f"))).containsSequence("LOAD_CLOSURE x", "BUILD_TUPLE 1",
                "LOAD_CONST <code object f.<locals>.C at test.py:3>", "MAKE_FUNCTION closure");
    }

    @Test
    void methodsDoNotSeeClassNames() {
        Code m = compile("class C:\n    x = 1\n    def m(self):\n        return x\n");
        assertThat(ops(find(m, "C.m"))).containsExactly("LOAD_GLOBAL x", "RETURN_VALUE");
    }

    @Test
    void classPassesEnclosingVariablesThroughToItsMethods() {
        Code m = compile("""
                def f():
                    x = 1
                    class C:
                        x = 2
                        def m(self):
                            return x
                    return C
                """);
        Code c = find(m, "f.<locals>.C");
        assertThat(c.freevars()).containsExactly("x");
        assertThat(ops(c)).contains("STORE_NAME x", "LOAD_CLOSURE x");
        assertThat(ops(find(m, "f.<locals>.C.m"))).containsExactly("LOAD_DEREF x", "RETURN_VALUE");
        assertThat(find(m, "f").cellvars()).containsExactly("x");
    }

    @Test
    void superAndDunderClassGiveTheImplicitClassCell() {
        Code m = compile("""
                class C:
                    def a(self):
                        return __class__
                    def b(self):
                        def inner():
                            return super()
                        return inner
                    def c(self):
                        return 1
                """);
        assertThat(find(m, "C").cellvars()).containsExactly("__class__");
        assertThat(ops(find(m, "C.a"))).containsExactly("LOAD_DEREF __class__", "RETURN_VALUE");
        assertThat(find(m, "C.b").freevars()).containsExactly("__class__");
        assertThat(find(m, "C.b.<locals>.inner").freevars()).containsExactly("__class__");
        assertThat(find(m, "C.c").freevars()).isEmpty();
        assertThat(ops(find(m, "C"))).endsWith("LOAD_CLOSURE __class__", "COPY 1", "STORE_NAME __classcell__",
                "RETURN_VALUE");
    }

    @Test
    void classWithoutSuperHasNoClassCell() {
        Code c = find(compile("class C:\n    def m(self):\n        return 1\n"), "C");
        assertThat(c.cellvars()).isEmpty();
        assertThat(ops(c)).endsWith("LOAD_CONST None", "RETURN_VALUE");
    }

    @Test
    void comprehensionVariablesDoNotLeak() {
        Code m = compile("x = 0\ny = [x for x in r]\nz = x\n");
        assertThat(m.varnames()).containsExactly("x");
        assertThat(ops(m)).startsWith("LOAD_CONST 0", "STORE_NAME x", "LOAD_NAME r");
        assertThat(ops(m)).contains("STORE_FAST x", "LOAD_FAST x");
        assertThat(ops(m)).containsSequence("LOAD_NAME x", "STORE_NAME z");
    }

    @Test
    void comprehensionInAClassSeesOnlyItsOutermostIterableInTheClass() {
        Code c = find(compile("class C:\n    y = 1\n    a = [y for _ in y]\n"), "C");
        assertThat(ops(c)).containsSequence("LOAD_NAME y", "GET_ITER");
        assertThat(ops(c)).containsSequence("STORE_FAST _", "LOAD_GLOBAL y", "LIST_APPEND 2");
    }

    @Test
    void comprehensionInAClassInAFunctionReadsTheFunctionsCell() {
        Code m = compile("def f():\n    z = 1\n    class C:\n        a = [z for _ in r]\n    return C\n");
        Code c = find(m, "f.<locals>.C");
        assertThat(c.freevars()).containsExactly("z");
        assertThat(ops(c)).contains("LOAD_DEREF z").doesNotContain("LOAD_CLASSDEREF z");
        assertThat(find(m, "f").cellvars()).containsExactly("z");
    }

    @Test
    void comprehensionReadingAFunctionLocalNeedsNoCell() {
        Code f = find(compile("def f(n, xs):\n    return [n * x for x in xs]\n"), "f");
        assertThat(f.cellvars()).isEmpty();
        assertThat(ops(f)).contains("LOAD_FAST n", "LOAD_FAST x");
    }

    @Test
    void lambdaInAComprehensionCapturingAFunctionLocalMakesItACell() {
        Code m = compile("def f(n, xs):\n    return [lambda: n + x for x in xs]\n");
        Code f = find(m, "f");
        assertThat(f.cellvars()).containsExactly("n", "x");
        assertThat(f.varnames()).containsExactly("n", "xs");
        assertThat(ops(f)).startsWith("LOAD_FAST n", "STORE_DEREF n", "LOAD_FAST xs", "GET_ITER", "MAKE_CELL x");
        assertThat(find(m, "f.<locals>.<lambda>").freevars()).containsExactly("n", "x");
    }

    @Test
    void nestedComprehensionsSeeOuterLoopVariables() {
        Code f = find(compile("def f(m):\n    return [[x + y for y in x] for x in m]\n"), "f");
        assertThat(f.varnames()).containsExactly("m", "x", "y");
        // each inlined comprehension has its own list and iterator on the stack
        assertThat(ops(f)).containsSequence("FOR_ITER to 76", "STORE_FAST x", "LOAD_FAST x", "GET_ITER",
                "BUILD_LIST 0", "SWAP 2", "FOR_ITER to 68", "STORE_FAST y", "LOAD_FAST x", "LOAD_FAST y",
                "BINARY_OP +", "LIST_APPEND 2", "JUMP to 40", "LIST_APPEND 2");
    }

    @Test
    void generatorExpressionCapturesFunctionLocals() {
        Code m = compile("def f(n, xs):\n    return sum(n * x for x in xs)\n");
        assertThat(find(m, "f").cellvars()).containsExactly("n");
        Code g = find(m, "f.<locals>.<genexpr>");
        assertThat(g.freevars()).containsExactly("n");
        assertThat(g.varnames()).containsExactly(".0", "x");
        assertThat(ops(g)).contains("LOAD_DEREF n", "LOAD_FAST x");
    }

    @Test
    void generatorExpressionInAClassSkipsClassNames() {
        Code m = compile("class C:\n    y = 1\n    g = (y for _ in y)\n");
        assertThat(ops(find(m, "C"))).containsSequence("LOAD_NAME y", "GET_ITER", "CALL 1");
        assertThat(ops(find(m, "C.<genexpr>"))).contains("LOAD_GLOBAL y");
    }

    @Test
    void moduleLevelComprehensionsGetFastSlotsEvenWithTheSameName() {
        Code m = compile("a = [x for x in r]\nb = {x for x in r}\n");
        assertThat(m.varnames()).containsExactly("x", "x");
        assertThat(m.hasFlag(Code.FUNCTION)).isFalse();
    }

    @Test
    void classBodyGlobalAndNames() {
        Code c = find(compile("class C:\n    global g\n    g = 1\n    h = g\n"), "C");
        assertThat(ops(c)).containsSequence("LOAD_CONST 1", "STORE_GLOBAL g", "LOAD_GLOBAL g", "STORE_NAME h");
    }

    @Test
    void parameterThatIsGlobalElsewhereStaysLocal() {
        Code f = find(compile("x = 1\ndef f(x):\n    return x\n"), "f");
        assertThat(ops(f)).containsExactly("LOAD_FAST x", "RETURN_VALUE");
    }

    @Test
    void privateNamesAreMangledInsideClasses() {
        Code m = compile("""
                class _Widget:
                    __count = 0
                    def __init__(self, __seed, *, __k=1):
                        self.__value = __seed
                        __local = self.__helper()
                        return __local, __name__, self.__dict__
                    def __helper(self):
                        pass
                __top = 1
                """);
        assertThat(ops(find(m, "_Widget"))).contains("STORE_NAME _Widget__count", "STORE_NAME __init__",
                "STORE_NAME _Widget__helper", "LOAD_CONST '_Widget__k'");
        Code init = find(m, "_Widget.__init__");
        assertThat(init.varnames()).containsExactly("self", "_Widget__seed", "_Widget__k", "_Widget__local");
        assertThat(ops(init)).contains("STORE_ATTR _Widget__value", "LOAD_METHOD _Widget__helper",
                "LOAD_GLOBAL __name__", "LOAD_ATTR __dict__");
        assertThat(find(m, "_Widget.__helper")).isNotNull();
        assertThat(ops(m)).contains("STORE_NAME __top");
    }
}
