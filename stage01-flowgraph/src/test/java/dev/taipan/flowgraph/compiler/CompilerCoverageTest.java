package dev.taipan.flowgraph.compiler;

import static dev.taipan.flowgraph.compiler.CompilerTestSupport.compile;
import static dev.taipan.flowgraph.compiler.CompilerTestSupport.compileFunction;
import static dev.taipan.flowgraph.compiler.CompilerTestSupport.ops;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.CodeVerifier;
import dev.taipan.flowgraph.bytecode.Disassembler;
import dev.taipan.flowgraph.syntax.Ast;
import dev.taipan.flowgraph.syntax.Pos;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every construct, alone and in the nestings that stress frame-block unwinding and exception
 * table depths, compiles to code that the verifier accepts.
 */
class CompilerCoverageTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // returns, breaks and continues through every kind of block
        """
        def f(xs):
            for x in xs:
                try:
                    with a() as b, c() as d:
                        try:
                            if x: return x
                            if b: break
                            if d: continue
                        except E as e:
                            if e: return e
                            if x: break
                            continue
                        else:
                            return 1
                        finally:
                            if x: return 2
                            g()
                finally:
                    for y in x:
                        if y: break
                        if y: continue
                        if y: return y
            else:
                return 3
        """,
        // return, break and continue inside finally bodies (the exception-path copy too)
        """
        def f(xs):
            while xs:
                try:
                    g()
                finally:
                    if xs: return 1
                    if xs: break
                    continue
        """,
        // nested handlers and bare raise
        """
        def f():
            try:
                try:
                    g()
                except A:
                    try:
                        h()
                    except B as b:
                        raise
                    finally:
                        k()
                    raise C from None
                except:
                    raise
            except (D, E) as e:
                return e
            finally:
                pass
        """,
        // with in loops in handlers
        """
        def f(xs):
            for x in xs:
                try:
                    pass
                except E:
                    with x:
                        for y in x:
                            with y as z:
                                if z: break
                                if z: continue
                                return z
        """,
        // generators
        """
        def gen(xs):
            try:
                for x in xs:
                    y = yield x
                    yield from y
            finally:
                yield 0
        g = lambda: (yield)
        """,
        // classes, closures, comprehensions mixed
        """
        def outer(n):
            class K(Base, *more, metaclass=M, **kw):
                'doc'
                items = [i * n for i in range(n)]
                table = {k: [lambda: k + v for v in range(k)] for k in items if k}
                def method(self, a=1, *args, b, c=2, **kwargs):
                    nonlocal n
                    n += 1
                    return super().method(a, *args, b=b, **kwargs), __class__
                @staticmethod
                def s(): return (x for x in items)
            return K
        """,
        // expressions of every kind
        """
        x = (a if b else c, not d, -e, +f, ~g, a ** -1, a if False else None, [*a, *b], {**a, 'k': 1},
             {1, 2}, (), [], {}, a[1:2, ::3], a.b.c, f'{a!s:{b}}{c!a}', b'bytes', ..., None, True, 1.5, 10**100,
             lambda *a, **k: (a, k), lambda a, /, b, *, c: 0, a < b == c is not d in e not in f is g,
             a and b or c and not d)
        del a[0], a.b, (c, [d])
        a, *b = c
        [a, b] = c
        a.b, c[d] = e, f
        a += 1; a.b -= 2; a[c] //= 3; a |= b; a >>= 2; a <<= 1; a %= 5; a **= 2; a ^= 3; a &= 1; a /= 2
        """,
        // imports, assert, global at module level, annotated assignments
        """
        import a, b.c as d
        from .. import e
        from .f import (g, h as i)
        from j import *
        assert x
        assert x, 'why'
        global q
        q = 1
        y: int = 2
        z: int
        obj.attr: int = 3
        def fun(p: int = 1) -> int:
            v: list
            return p
        """,
        // while with else, if/elif/else, pass, nested functions using the loop variable
        """
        def f(n):
            i = 0
            while i < n:
                i += 1
                if i == 3:
                    continue
                elif i == 4:
                    pass
                else:
                    def g(): return i
            else:
                return g
        """,
    })
    void compilesAndVerifies(String source) {
        Code code = compile(source);
        assertThat(Disassembler.dis(code)).isNotEmpty();
    }

    @Test
    void returnInsideTheExceptionPathOfFinallyDropsTheException() {
        Code f = compileFunction("def f():\n    try:\n        g()\n    finally:\n        return 1\n", "f");
        // exception path: PUSH_EXC_INFO, then leaving the handler: pop exc, POP_EXCEPT
        assertThat(ops(f)).containsSequence("PUSH_EXC_INFO", "POP_TOP", "POP_EXCEPT", "LOAD_CONST 1", "RETURN_VALUE");
    }

    @Test
    void compilesASingleExpression() {
        Code c = Compiler.compileExpression(SourceFile.of("<expr>", "a + [x for x in b]"));
        CodeVerifier.verify(c);
        assertThat(ops(c)).startsWith("LOAD_NAME a", "LOAD_NAME b", "GET_ITER")
                .endsWith("BINARY_OP +", "RETURN_VALUE");
    }

    @Test
    void compilesHandBuiltTrees() {
        Pos p = new Pos(1, 0, 1, 5);
        Ast.Module m = new Ast.Module(p, List.of(
                new Ast.Assign(p, List.of(new Ast.Name(p, "x")),
                        new Ast.BinOp(p, new Ast.Constant(p, 1L), Ast.Operator.ADD, new Ast.Constant(p, 2L)))));
        Code c = Compiler.compile(m, SourceFile.of("<ast>", "x = 1+2"));
        CodeVerifier.verify(c);
        assertThat(ops(c)).containsExactly("LOAD_CONST 1", "LOAD_CONST 2", "BINARY_OP +", "STORE_NAME x",
                "LOAD_CONST None", "RETURN_VALUE");
    }
}
