package dev.taipan.flowgraph.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.syntax.Ast.*;
import org.junit.jupiter.api.Test;

/**
 * Parse, then dump: one test per construct, with the expected tree spelled as Python's
 * {@code ast.dump} would (see {@link AstDump} for the rules). {@link ParserDifferentialTest}
 * checks the same against CPython itself; these tests say what the trees look like.
 */
class ParserTest {

    static String dump(String source) {
        return AstDump.dump(Parser.parse(SourceFile.of("t.py", source)));
    }

    /** The dump of the first statement's expression, or of the first statement. */
    static String stmt(String source) {
        Stmt s = Parser.parse(SourceFile.of("t.py", source)).body().getFirst();
        return AstDump.dump(s instanceof ExprStmt e ? e.value() : s);
    }

    @Test
    void moduleOfOneExpression() {
        assertThat(dump("a + 1"))
                .isEqualTo("Module(body=[Expr(value=BinOp(left=Name(id='a'), op=Add(), right=Constant(value=1)))])");
        assertThat(dump("")).isEqualTo("Module()");
        assertThat(dump("# just a comment\n")).isEqualTo("Module()");
    }

    // ---------------------------------------------------------------- assignments

    @Test
    void assignments() {
        assertThat(stmt("x = 1")).isEqualTo("Assign(targets=[Name(id='x')], value=Constant(value=1))");
        assertThat(stmt("a = b = c")).isEqualTo("Assign(targets=[Name(id='a'), Name(id='b')], value=Name(id='c'))");
        assertThat(stmt("a.b[c] = d")).isEqualTo(
                "Assign(targets=[Subscript(value=Attribute(value=Name(id='a'), attr='b'), slice=Name(id='c'))], "
                        + "value=Name(id='d'))");
        assertThat(stmt("a[1:2] = b")).isEqualTo(
                "Assign(targets=[Subscript(value=Name(id='a'), slice=Slice(lower=Constant(value=1), "
                        + "upper=Constant(value=2)))], value=Name(id='b'))");
        assertThat(stmt("(a, [b, *c]), d = e")).isEqualTo(
                "Assign(targets=[Tuple(elts=[Tuple(elts=[Name(id='a'), List(elts=[Name(id='b'), "
                        + "Starred(value=Name(id='c'))])]), Name(id='d')])], value=Name(id='e'))");
        assertThat(stmt("x, = y")).isEqualTo("Assign(targets=[Tuple(elts=[Name(id='x')])], value=Name(id='y'))");
        assertThat(stmt("x = yield")).isEqualTo("Assign(targets=[Name(id='x')], value=Yield())");
    }

    @Test
    void augmentedAndAnnotatedAssignments() {
        assertThat(stmt("x.y += 1")).isEqualTo(
                "AugAssign(target=Attribute(value=Name(id='x'), attr='y'), op=Add(), value=Constant(value=1))");
        assertThat(stmt("x //= 2")).isEqualTo("AugAssign(target=Name(id='x'), op=FloorDiv(), value=Constant(value=2))");
        assertThat(stmt("x: int = 5")).isEqualTo(
                "AnnAssign(target=Name(id='x'), annotation=Name(id='int'), value=Constant(value=5), simple=1)");
        assertThat(stmt("self.x: int")).isEqualTo(
                "AnnAssign(target=Attribute(value=Name(id='self'), attr='x'), annotation=Name(id='int'), simple=0)");
        assertThat(stmt("(x): int")).isEqualTo("AnnAssign(target=Name(id='x'), annotation=Name(id='int'), simple=0)");
    }

    // ---------------------------------------------------------------- compound statements

    @Test
    void ifElifElseNests() {
        assertThat(stmt("if a:\n    b\nelif c:\n    d\nelse:\n    e\n")).isEqualTo(
                "If(test=Name(id='a'), body=[Expr(value=Name(id='b'))], orelse=[If(test=Name(id='c'), "
                        + "body=[Expr(value=Name(id='d'))], orelse=[Expr(value=Name(id='e'))])])");
        assertThat(stmt("if x: a; b")).isEqualTo(
                "If(test=Name(id='x'), body=[Expr(value=Name(id='a')), Expr(value=Name(id='b'))])");
    }

    @Test
    void loops() {
        assertThat(stmt("while x:\n    break\nelse:\n    pass\n")).isEqualTo(
                "While(test=Name(id='x'), body=[Break()], orelse=[Pass()])");
        assertThat(stmt("for x, in y: continue")).isEqualTo(
                "For(target=Tuple(elts=[Name(id='x')]), iter=Name(id='y'), body=[Continue()])");
        assertThat(stmt("for a, b in c, d: pass")).isEqualTo(
                "For(target=Tuple(elts=[Name(id='a'), Name(id='b')]), iter=Tuple(elts=[Name(id='c'), "
                        + "Name(id='d')]), body=[Pass()])");
    }

    @Test
    void functionDefinitions() {
        assertThat(stmt("def f(a, /, b=1, *c, d, e=2, **g) -> int: pass")).isEqualTo(
                "FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], "
                        + "vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], "
                        + "kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='g'), defaults=[Constant(value=1)]), "
                        + "body=[Pass()], returns=Name(id='int'))");
        assertThat(stmt("def f(*, a): pass")).isEqualTo(
                "FunctionDef(name='f', args=arguments(kwonlyargs=[arg(arg='a')], kw_defaults=[None]), body=[Pass()])");
        assertThat(stmt("def f(x: int = 0): return x")).isEqualTo(
                "FunctionDef(name='f', args=arguments(args=[arg(arg='x', annotation=Name(id='int'))], "
                        + "defaults=[Constant(value=0)]), body=[Return(value=Name(id='x'))])");
        assertThat(stmt("@a.b(c)\n@d or e\ndef f(): pass")).isEqualTo(
                "FunctionDef(name='f', args=arguments(), body=[Pass()], decorator_list=[Call(func=Attribute("
                        + "value=Name(id='a'), attr='b'), args=[Name(id='c')]), BoolOp(op=Or(), "
                        + "values=[Name(id='d'), Name(id='e')])])");
        assertThat(stmt("def f():\n    return *a, b\n")).isEqualTo(
                "FunctionDef(name='f', args=arguments(), body=[Return(value=Tuple(elts=[Starred(value=Name(id='a')), "
                        + "Name(id='b')]))])");
    }

    @Test
    void classDefinitions() {
        assertThat(stmt("@dec\nclass C(A, metaclass=M):\n    x = 1\n")).isEqualTo(
                "ClassDef(name='C', bases=[Name(id='A')], keywords=[keyword(arg='metaclass', value=Name(id='M'))], "
                        + "body=[Assign(targets=[Name(id='x')], value=Constant(value=1))], "
                        + "decorator_list=[Name(id='dec')])");
        assertThat(stmt("class C(): pass")).isEqualTo("ClassDef(name='C', body=[Pass()])");
    }

    @Test
    void tryStatements() {
        assertThat(stmt("try:\n a\nexcept (A, B) as e:\n b\nexcept:\n c\nelse:\n d\nfinally:\n e\n")).isEqualTo(
                "Try(body=[Expr(value=Name(id='a'))], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A'), "
                        + "Name(id='B')]), name='e', body=[Expr(value=Name(id='b'))]), ExceptHandler("
                        + "body=[Expr(value=Name(id='c'))])], orelse=[Expr(value=Name(id='d'))], "
                        + "finalbody=[Expr(value=Name(id='e'))])");
        assertThat(stmt("try:\n a\nfinally:\n b\n")).isEqualTo(
                "Try(body=[Expr(value=Name(id='a'))], finalbody=[Expr(value=Name(id='b'))])");
    }

    @Test
    void withStatements() {
        assertThat(stmt("with a as b, c: pass")).isEqualTo(
                "With(items=[withitem(context_expr=Name(id='a'), optional_vars=Name(id='b')), "
                        + "withitem(context_expr=Name(id='c'))], body=[Pass()])");
        assertThat(stmt("with (a as b,\n      c as d):\n    pass\n")).isEqualTo(
                "With(items=[withitem(context_expr=Name(id='a'), optional_vars=Name(id='b')), "
                        + "withitem(context_expr=Name(id='c'), optional_vars=Name(id='d'))], body=[Pass()])");
        assertThat(stmt("with (a, b) as c: pass")).isEqualTo(
                "With(items=[withitem(context_expr=Tuple(elts=[Name(id='a'), Name(id='b')]), "
                        + "optional_vars=Name(id='c'))], body=[Pass()])");
    }

    @Test
    void simpleStatements() {
        assertThat(dump("raise\nraise E\nraise E from c")).isEqualTo(
                "Module(body=[Raise(), Raise(exc=Name(id='E')), Raise(exc=Name(id='E'), cause=Name(id='c'))])");
        assertThat(stmt("assert x, 'msg'")).isEqualTo("Assert(test=Name(id='x'), msg=Constant(value='msg'))");
        assertThat(stmt("del a, b.c, d[0]")).isEqualTo(
                "Delete(targets=[Name(id='a'), Attribute(value=Name(id='b'), attr='c'), "
                        + "Subscript(value=Name(id='d'), slice=Constant(value=0))])");
        assertThat(stmt("del (a, b)")).isEqualTo("Delete(targets=[Tuple(elts=[Name(id='a'), Name(id='b')])])");
        assertThat(stmt("global a, b")).isEqualTo("Global(names=['a', 'b'])");
        assertThat(stmt("nonlocal a")).isEqualTo("Nonlocal(names=['a'])");
        assertThat(dump("pass; x = 1;")).isEqualTo(
                "Module(body=[Pass(), Assign(targets=[Name(id='x')], value=Constant(value=1))])");
    }

    @Test
    void imports() {
        assertThat(stmt("import a.b.c as d, e")).isEqualTo(
                "Import(names=[alias(name='a.b.c', asname='d'), alias(name='e')])");
        assertThat(stmt("from ..a.b import (x as y, z,)")).isEqualTo(
                "ImportFrom(module='a.b', names=[alias(name='x', asname='y'), alias(name='z')], level=2)");
        assertThat(stmt("from . import x")).isEqualTo("ImportFrom(names=[alias(name='x')], level=1)");
        assertThat(stmt("from ...m import *")).isEqualTo("ImportFrom(module='m', names=[alias(name='*')], level=3)");
    }

    // ---------------------------------------------------------------- expressions

    @Test
    void precedence() {
        assertThat(stmt("-2**2")).isEqualTo(
                "UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), right=Constant(value=2)))");
        assertThat(stmt("a**b**c")).isEqualTo(
                "BinOp(left=Name(id='a'), op=Pow(), right=BinOp(left=Name(id='b'), op=Pow(), right=Name(id='c')))");
        assertThat(stmt("a - b - c")).isEqualTo(
                "BinOp(left=BinOp(left=Name(id='a'), op=Sub(), right=Name(id='b')), op=Sub(), right=Name(id='c'))");
        assertThat(stmt("a | b ^ c & d << e + f * g")).isEqualTo(
                "BinOp(left=Name(id='a'), op=BitOr(), right=BinOp(left=Name(id='b'), op=BitXor(), "
                        + "right=BinOp(left=Name(id='c'), op=BitAnd(), right=BinOp(left=Name(id='d'), op=LShift(), "
                        + "right=BinOp(left=Name(id='e'), op=Add(), right=BinOp(left=Name(id='f'), op=Mult(), "
                        + "right=Name(id='g')))))))");
        assertThat(stmt("not a or b and c")).isEqualTo(
                "BoolOp(op=Or(), values=[UnaryOp(op=Not(), operand=Name(id='a')), BoolOp(op=And(), "
                        + "values=[Name(id='b'), Name(id='c')])])");
        assertThat(stmt("lambda: a if b else c")).isEqualTo(
                "Lambda(args=arguments(), body=IfExp(test=Name(id='b'), body=Name(id='a'), orelse=Name(id='c')))");
    }

    @Test
    void comparisonsChain() {
        assertThat(stmt("a < b <= c is not d not in e")).isEqualTo(
                "Compare(left=Name(id='a'), ops=[Lt(), LtE(), IsNot(), NotIn()], comparators=[Name(id='b'), "
                        + "Name(id='c'), Name(id='d'), Name(id='e')])");
    }

    @Test
    void calls() {
        assertThat(stmt("f(a, *b, c=1, *d, **e)")).isEqualTo(
                "Call(func=Name(id='f'), args=[Name(id='a'), Starred(value=Name(id='b')), "
                        + "Starred(value=Name(id='d'))], keywords=[keyword(arg='c', value=Constant(value=1)), "
                        + "keyword(value=Name(id='e'))])");
        assertThat(stmt("f(x for x in y)")).isEqualTo(
                "Call(func=Name(id='f'), args=[GeneratorExp(elt=Name(id='x'), generators=[comprehension("
                        + "target=Name(id='x'), iter=Name(id='y'))])])");
    }

    @Test
    void subscriptsAndSlices() {
        assertThat(stmt("a[1:2, ::3]")).isEqualTo(
                "Subscript(value=Name(id='a'), slice=Tuple(elts=[Slice(lower=Constant(value=1), "
                        + "upper=Constant(value=2)), Slice(step=Constant(value=3))]))");
        assertThat(stmt("a[:]")).isEqualTo("Subscript(value=Name(id='a'), slice=Slice())");
        assertThat(stmt("a[i,]")).isEqualTo("Subscript(value=Name(id='a'), slice=Tuple(elts=[Name(id='i')]))");
    }

    @Test
    void literals() {
        assertThat(stmt("None")).isEqualTo("Constant(value=None)");
        assertThat(stmt("...")).isEqualTo("Constant(value=Ellipsis)");
        assertThat(stmt("True")).isEqualTo("Constant(value=True)");
        assertThat(stmt("1e16")).isEqualTo("Constant(value=1e+16)");
        assertThat(stmt("123456789012345678901234567890")).isEqualTo("Constant(value=123456789012345678901234567890)");
        assertThat(stmt("'a' \"b\" '''c'''")).isEqualTo("Constant(value='abc')");
        assertThat(stmt("b'a' b'\\xff'")).isEqualTo("Constant(value=b'a\\xff')");
    }

    @Test
    void displaysAndComprehensions() {
        assertThat(stmt("[*a, b]")).isEqualTo("List(elts=[Starred(value=Name(id='a')), Name(id='b')])");
        assertThat(stmt("{**a, 'b': 1}")).isEqualTo(
                "Dict(keys=[None, Constant(value='b')], values=[Name(id='a'), Constant(value=1)])");
        assertThat(stmt("{1, *a}")).isEqualTo("Set(elts=[Constant(value=1), Starred(value=Name(id='a'))])");
        assertThat(stmt("()")).isEqualTo("Tuple()");
        assertThat(stmt("{}")).isEqualTo("Dict()");
        assertThat(stmt("[x for y in z if y for x in y]")).isEqualTo(
                "ListComp(elt=Name(id='x'), generators=[comprehension(target=Name(id='y'), iter=Name(id='z'), "
                        + "ifs=[Name(id='y')]), comprehension(target=Name(id='x'), iter=Name(id='y'))])");
        assertThat(stmt("{k: v for k, v in d}")).isEqualTo(
                "DictComp(key=Name(id='k'), value=Name(id='v'), generators=[comprehension(target=Tuple(elts=["
                        + "Name(id='k'), Name(id='v')]), iter=Name(id='d'))])");
        assertThat(stmt("{x for x in s}")).isEqualTo(
                "SetComp(elt=Name(id='x'), generators=[comprehension(target=Name(id='x'), iter=Name(id='s'))])");
    }

    @Test
    void yields() {
        assertThat(stmt("def g():\n    yield\n    yield from x\n    y = (yield)\n")).isEqualTo(
                "FunctionDef(name='g', args=arguments(), body=[Expr(value=Yield()), Expr(value=YieldFrom("
                        + "value=Name(id='x'))), Assign(targets=[Name(id='y')], value=Yield())])");
    }

    // ---------------------------------------------------------------- f-strings

    @Test
    void fStrings() {
        assertThat(stmt("f'a{x!r:>{w}}b'")).isEqualTo(
                "JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x'), conversion=114, "
                        + "format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w'), "
                        + "conversion=-1)])), Constant(value='b')])");
        assertThat(stmt("f'{{}}{x}'")).isEqualTo(
                "JoinedStr(values=[Constant(value='{}'), FormattedValue(value=Name(id='x'), conversion=-1)])");
        assertThat(stmt("f''")).isEqualTo("JoinedStr()");
    }

    @Test
    void selfDocumentingFieldExpandsAsCPythonDoes() {
        assertThat(stmt("f'{x=}'")).isEqualTo(
                "JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x'), conversion=114)])");
        assertThat(stmt("f'{x = :>4}'")).isEqualTo(
                "JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x'), conversion=-1, "
                        + "format_spec=JoinedStr(values=[Constant(value='>4')]))])");
        assertThat(stmt("f'{x=!s}'")).isEqualTo(
                "JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x'), conversion=115)])");
    }

    @Test
    void adjacentStringsMergeIntoOneJoinedStr() {
        assertThat(stmt("'a' f'b{x}' 'c\\n' f'{y}'")).isEqualTo(
                "JoinedStr(values=[Constant(value='ab'), FormattedValue(value=Name(id='x'), conversion=-1), "
                        + "Constant(value='c\\n'), FormattedValue(value=Name(id='y'), conversion=-1)])");
    }

    @Test
    void nestedFStringsAndEscapes() {
        assertThat(stmt("f'{f\"{x}\"}\\t\\N{EN DASH}'")).isEqualTo(
                "JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id='x'), "
                        + "conversion=-1)]), conversion=-1), Constant(value='\\t–')])");
        assertThat(stmt("rf'\\d{x}'")).isEqualTo(
                "JoinedStr(values=[Constant(value='\\\\d'), FormattedValue(value=Name(id='x'), conversion=-1)])");
    }

    // ---------------------------------------------------------------- positions

    @Test
    void positionsAreCPythons() {
        String src = "x = (a).b + f(1,\n      2)\n";
        assertThat(AstDump.dump(Parser.parse(SourceFile.of("t.py", src)), true)).isEqualTo(
                "Module(body=[Assign@1:0-2:8(targets=[Name@1:0-1:1(id='x')], value=BinOp@1:4-2:8("
                        + "left=Attribute@1:4-1:9(value=Name@1:5-1:6(id='a'), attr='b'), op=Add(), "
                        + "right=Call@1:12-2:8(func=Name@1:12-1:13(id='f'), args=[Constant@1:14-1:15(value=1), "
                        + "Constant@2:6-2:7(value=2)])))])");
    }

    @Test
    void compoundStatementsEndWithTheirLastStatement() {
        Stmt s = Parser.parse(SourceFile.of("t.py", "@d\ndef f():\n    if x:\n        return 1\n\n\ny = 2\n"))
                .body().getFirst();
        assertThat(s.pos()).isEqualTo(new Pos(2, 0, 4, 16));
    }

    @Test
    void fStringFieldsKeepTheirTruePositions() {
        Expr e = ((ExprStmt) Parser.parse(SourceFile.of("t.py", "x\nf'''a\n  {y +\n1}'''")).body().get(1)).value();
        JoinedStr j = (JoinedStr) e;
        assertThat(j.pos()).isEqualTo(new Pos(2, 0, 4, 5));
        FormattedValue f = (FormattedValue) j.values().get(1);
        assertThat(f.value().pos()).isEqualTo(new Pos(3, 3, 4, 1));
        assertThat(((BinOp) f.value()).left().pos()).isEqualTo(new Pos(3, 3, 3, 4));
    }

    @Test
    void parseExpressionForEvalInput() {
        assertThat(AstDump.dump(Parser.parseExpression(SourceFile.of("<cell>", "  a * (b + 1)\n\n"))))
                .isEqualTo("BinOp(left=Name(id='a'), op=Mult(), right=BinOp(left=Name(id='b'), op=Add(), "
                        + "right=Constant(value=1)))");
        assertThat(AstDump.dump(Parser.parseExpression(SourceFile.of("<cell>", "1, 2"))))
                .isEqualTo("Tuple(elts=[Constant(value=1), Constant(value=2)])");
    }

    @Test
    void softKeywordsAreNames() {
        assertThat(dump("match = 1\ncase = match\n_ = type(case)\n")).isEqualTo(
                "Module(body=[Assign(targets=[Name(id='match')], value=Constant(value=1)), "
                        + "Assign(targets=[Name(id='case')], value=Name(id='match')), "
                        + "Assign(targets=[Name(id='_')], value=Call(func=Name(id='type'), args=[Name(id='case')]))])");
    }
}
