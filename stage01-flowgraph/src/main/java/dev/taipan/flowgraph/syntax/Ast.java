package dev.taipan.flowgraph.syntax;

import java.util.List;

/**
 * The abstract syntax tree: one record per Python construct, the same shapes and field names
 * as CPython's {@code ast} module (so {@code ast.dump} output and this tree can be compared),
 * minus the {@code ctx} fields: whether a name is read, written or deleted follows from where
 * it stands, and the compiler knows that.
 *
 * <p>Every node carries its {@link Pos}. Optional children are {@code null} (e.g. a bare
 * {@code return}); lists are never null and are unmodifiable.
 *
 * <p>Literal values in {@link Constant}: {@code Long} or {@code java.math.BigInteger} for int
 * (BigInteger only when the value does not fit a long), {@code Double} for float,
 * {@code String} for str, {@link Bytes} for bytes, {@code Boolean}, and {@link Singleton} for
 * None and Ellipsis.
 */
public interface Ast {

    Pos pos();

    // ---------------------------------------------------------------- module

    record Module(Pos pos, List<Stmt> body) implements Ast {}

    // ---------------------------------------------------------------- statements

    sealed interface Stmt extends Ast permits
            FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If,
            With, Raise, Try, Assert, Import, ImportFrom, Global, Nonlocal, ExprStmt, Pass, Break,
            Continue {}

    /** {@code returns} is the return annotation, kept but ignored. */
    record FunctionDef(Pos pos, String name, Arguments args, List<Stmt> body,
                       List<Expr> decorators, Expr returns) implements Stmt {}

    record ClassDef(Pos pos, String name, List<Expr> bases, List<Keyword> keywords,
                    List<Stmt> body, List<Expr> decorators) implements Stmt {}

    record Return(Pos pos, Expr value) implements Stmt {}

    record Delete(Pos pos, List<Expr> targets) implements Stmt {}

    /** {@code a = b = value}: targets in source order. */
    record Assign(Pos pos, List<Expr> targets, Expr value) implements Stmt {}

    record AugAssign(Pos pos, Expr target, Operator op, Expr value) implements Stmt {}

    /** {@code simple} is true for a bare name target not in parentheses, as in CPython. */
    record AnnAssign(Pos pos, Expr target, Expr annotation, Expr value, boolean simple)
            implements Stmt {}

    record For(Pos pos, Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse)
            implements Stmt {}

    record While(Pos pos, Expr test, List<Stmt> body, List<Stmt> orelse) implements Stmt {}

    /** {@code elif} chains are nested Ifs in {@code orelse}, as in CPython. */
    record If(Pos pos, Expr test, List<Stmt> body, List<Stmt> orelse) implements Stmt {}

    record With(Pos pos, List<WithItem> items, List<Stmt> body) implements Stmt {}

    record Raise(Pos pos, Expr exc, Expr cause) implements Stmt {}

    record Try(Pos pos, List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse,
               List<Stmt> finalbody) implements Stmt {}

    record Assert(Pos pos, Expr test, Expr msg) implements Stmt {}

    record Import(Pos pos, List<Alias> names) implements Stmt {}

    /** {@code module} is null for {@code from . import x}; {@code level} counts the dots. */
    record ImportFrom(Pos pos, String module, List<Alias> names, int level) implements Stmt {}

    record Global(Pos pos, List<String> names) implements Stmt {}

    record Nonlocal(Pos pos, List<String> names) implements Stmt {}

    /** CPython calls it {@code Expr}; renamed so that {@link Expr} can be the expression type. */
    record ExprStmt(Pos pos, Expr value) implements Stmt {}

    record Pass(Pos pos) implements Stmt {}

    record Break(Pos pos) implements Stmt {}

    record Continue(Pos pos) implements Stmt {}

    // ---------------------------------------------------------------- expressions

    sealed interface Expr extends Ast permits
            BoolOp, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
            GeneratorExp, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
            Attribute, Subscript, Starred, Name, ListExpr, Tuple, Slice {}

    /** {@code a and b and c} is one BoolOp with three values. */
    record BoolOp(Pos pos, BoolOperator op, List<Expr> values) implements Expr {}

    record BinOp(Pos pos, Expr left, Operator op, Expr right) implements Expr {}

    record UnaryOp(Pos pos, UnaryOperator op, Expr operand) implements Expr {}

    record Lambda(Pos pos, Arguments args, Expr body) implements Expr {}

    record IfExp(Pos pos, Expr test, Expr body, Expr orelse) implements Expr {}

    /** A null key means {@code **values[i]}. */
    record Dict(Pos pos, List<Expr> keys, List<Expr> values) implements Expr {}

    record Set(Pos pos, List<Expr> elts) implements Expr {}

    record ListComp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {}

    record SetComp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {}

    record DictComp(Pos pos, Expr key, Expr value, List<Comprehension> generators)
            implements Expr {}

    record GeneratorExp(Pos pos, Expr elt, List<Comprehension> generators) implements Expr {}

    record Yield(Pos pos, Expr value) implements Expr {}

    record YieldFrom(Pos pos, Expr value) implements Expr {}

    /** {@code a < b <= c}: left = a, ops = [LT, LTE], comparators = [b, c]. */
    record Compare(Pos pos, Expr left, List<CmpOperator> ops, List<Expr> comparators)
            implements Expr {}

    /** Positional arguments may include {@link Starred}; a keyword with null arg is {@code **}. */
    record Call(Pos pos, Expr func, List<Expr> args, List<Keyword> keywords) implements Expr {}

    /**
     * One {@code {value!conversion:format_spec}} of an f-string. {@code conversion} is -1 (none)
     * or one of 's', 'r', 'a'; {@code formatSpec} is a JoinedStr or null.
     */
    record FormattedValue(Pos pos, Expr value, int conversion, Expr formatSpec) implements Expr {}

    /** An f-string: Constant(str) and FormattedValue parts. */
    record JoinedStr(Pos pos, List<Expr> values) implements Expr {}

    record Constant(Pos pos, Object value) implements Expr {}

    record Attribute(Pos pos, Expr value, String attr) implements Expr {}

    /** {@code a[i]}, {@code a[i:j]}, {@code a[i, j:k]} (slice is then a Tuple). */
    record Subscript(Pos pos, Expr value, Expr slice) implements Expr {}

    record Starred(Pos pos, Expr value) implements Expr {}

    record Name(Pos pos, String id) implements Expr {}

    /** CPython calls it {@code List}; renamed so as not to hide {@code java.util.List}. */
    record ListExpr(Pos pos, List<Expr> elts) implements Expr {}

    record Tuple(Pos pos, List<Expr> elts) implements Expr {}

    /** Only inside a Subscript's slice (possibly inside a Tuple there). */
    record Slice(Pos pos, Expr lower, Expr upper, Expr step) implements Expr {}

    // ---------------------------------------------------------------- helpers

    /** {@code for target in iter if cond1 if cond2}. */
    record Comprehension(Pos pos, Expr target, Expr iter, List<Expr> ifs) implements Ast {}

    /** {@code type} and {@code name} are null for a bare {@code except:}. */
    record ExceptHandler(Pos pos, Expr type, String name, List<Stmt> body) implements Ast {}

    /**
     * A parameter list. {@code defaults} belong to the last positional parameters
     * (posonlyargs + args); {@code kwDefaults} is parallel to {@code kwonlyargs}, null where
     * a keyword-only parameter has no default.
     */
    record Arguments(Pos pos, List<Arg> posonlyargs, List<Arg> args, Arg vararg,
                     List<Arg> kwonlyargs, List<Expr> kwDefaults, Arg kwarg,
                     List<Expr> defaults) implements Ast {}

    /** {@code annotation} is kept but ignored. */
    record Arg(Pos pos, String arg, Expr annotation) implements Ast {}

    /** {@code arg} is null for {@code **mapping}. */
    record Keyword(Pos pos, String arg, Expr value) implements Ast {}

    /** {@code import a.b as c}: name "a.b", asname "c" (null without {@code as}). */
    record Alias(Pos pos, String name, String asname) implements Ast {}

    record WithItem(Pos pos, Expr contextExpr, Expr optionalVars) implements Ast {}

    // ---------------------------------------------------------------- operators

    /** Binary operators, with their Python spelling (their operations: {@code operation.HLOp.binary}). */
    enum Operator {
        ADD("+"), SUB("-"), MULT("*"), MATMULT("@"),
        DIV("/"), MOD("%"), POW("**"), LSHIFT("<<"),
        RSHIFT(">>"), BITOR("|"), BITXOR("^"), BITAND("&"),
        FLOORDIV("//");

        public final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    enum UnaryOperator {
        UADD("+"), USUB("-"), INVERT("~"), NOT("not");

        public final String symbol;

        UnaryOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    enum BoolOperator { AND, OR }

    enum CmpOperator {
        EQ("=="), NOTEQ("!="), LT("<"), LTE("<="), GT(">"),
        GTE(">="), IS("is"), ISNOT("is not"), IN("in"),
        NOTIN("not in");

        public final String symbol;

        CmpOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    // ---------------------------------------------------------------- literal values

    /** The two literal values that are neither numbers nor strings. */
    enum Singleton {
        NONE("None"), ELLIPSIS("Ellipsis");

        private final String repr;

        Singleton(String repr) {
            this.repr = repr;
        }

        @Override
        public String toString() {
            return repr;
        }
    }

    /** An immutable bytes value (a {@code b''} literal); compares by content. */
    record Bytes(byte[] data) {
        public Bytes {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public int length() {
            return data.length;
        }

        public int at(int i) {
            return data[i] & 0xff;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && java.util.Arrays.equals(data, b.data);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Bytes[" + data.length + "]";
        }
    }
}
