package dev.taipan.flowgraph.syntax;

import dev.taipan.flowgraph.syntax.Ast.*;

import java.util.List;

/**
 * A compact, deterministic text of a syntax tree in the format of Python's {@code ast.dump},
 * so that a tree can be compared with what CPython's own parser builds (the differential test
 * runs {@code astdump.py}, which prints CPython's tree by the same rules):
 *
 * <ul>
 *   <li>CPython's class names ({@code Expr}, {@code List}, {@code comprehension},
 *       {@code arguments}, {@code Add()}), and its field names in its field order
 *       ({@code decorator_list}, {@code kw_defaults}, {@code format_spec}).</li>
 *   <li>Every field as {@code name=value}; a field that is None or an empty list is left out
 *       (as {@code ast.dump} does from Python 3.13 on), and so are {@code ctx},
 *       {@code type_comment}, {@code kind} and {@code is_async}, which Taipan's tree does not
 *       have. None <em>inside</em> a list stays ({@code kw_defaults=[None]}).</li>
 *   <li>Constants as Python's {@code repr} ({@link PyRepr}); ints as ints ({@code level=0},
 *       {@code simple=1}, {@code conversion=114}).</li>
 *   <li>With {@code positions}, each node CPython gives a position to is followed by
 *       {@code @line:col-endLine:endCol}, e.g. {@code Name@1:0-1:1(id='x')}.</li>
 * </ul>
 *
 * Example: {@code Module(body=[Expr(value=BinOp(left=Name(id='a'), op=Add(), right=Constant(value=1)))])}.
 */
public final class AstDump {

    private final StringBuilder sb = new StringBuilder();
    private final boolean positions;

    private AstDump(boolean positions) {
        this.positions = positions;
    }

    public static String dump(Ast node) {
        return dump(node, false);
    }

    public static String dump(Ast node, boolean positions) {
        AstDump d = new AstDump(positions);
        d.node(node);
        return d.sb.toString();
    }

    // ---------------------------------------------------------------- one method per shape

    private void node(Ast n) {
        switch (n) {
            case Ast.Module m -> open("Module", null).list("body", m.body());
            case FunctionDef f -> open("FunctionDef", f).str("name", f.name()).child("args", f.args())
                    .list("body", f.body()).list("decorator_list", f.decorators()).child("returns", f.returns());
            case ClassDef c -> open("ClassDef", c).str("name", c.name()).list("bases", c.bases())
                    .list("keywords", c.keywords()).list("body", c.body()).list("decorator_list", c.decorators());
            case Return r -> open("Return", r).child("value", r.value());
            case Delete d -> open("Delete", d).list("targets", d.targets());
            case Assign a -> open("Assign", a).list("targets", a.targets()).child("value", a.value());
            case AugAssign a -> open("AugAssign", a).child("target", a.target()).op("op", opName(a.op()))
                    .child("value", a.value());
            case AnnAssign a -> open("AnnAssign", a).child("target", a.target()).child("annotation", a.annotation())
                    .child("value", a.value()).integer("simple", a.simple() ? 1 : 0);
            case For f -> open("For", f).child("target", f.target()).child("iter", f.iter()).list("body", f.body())
                    .list("orelse", f.orelse());
            case While w -> open("While", w).child("test", w.test()).list("body", w.body()).list("orelse", w.orelse());
            case If i -> open("If", i).child("test", i.test()).list("body", i.body()).list("orelse", i.orelse());
            case With w -> open("With", w).list("items", w.items()).list("body", w.body());
            case Raise r -> open("Raise", r).child("exc", r.exc()).child("cause", r.cause());
            case Try t -> open("Try", t).list("body", t.body()).list("handlers", t.handlers())
                    .list("orelse", t.orelse()).list("finalbody", t.finalbody());
            case Assert a -> open("Assert", a).child("test", a.test()).child("msg", a.msg());
            case Import i -> open("Import", i).list("names", i.names());
            case ImportFrom i -> open("ImportFrom", i).str("module", i.module()).list("names", i.names())
                    .integer("level", i.level());
            case Global g -> open("Global", g).strings("names", g.names());
            case Nonlocal g -> open("Nonlocal", g).strings("names", g.names());
            case ExprStmt e -> open("Expr", e).child("value", e.value());
            case Pass s -> open("Pass", s);
            case Break s -> open("Break", s);
            case Continue s -> open("Continue", s);
            case BoolOp b -> open("BoolOp", b).op("op", b.op() == BoolOperator.AND ? "And" : "Or")
                    .list("values", b.values());
            case BinOp b -> open("BinOp", b).child("left", b.left()).op("op", opName(b.op())).child("right", b.right());
            case UnaryOp u -> open("UnaryOp", u).op("op", unaryName(u.op())).child("operand", u.operand());
            case Lambda l -> open("Lambda", l).child("args", l.args()).child("body", l.body());
            case IfExp i -> open("IfExp", i).child("test", i.test()).child("body", i.body()).child("orelse", i.orelse());
            case Dict d -> open("Dict", d).list("keys", d.keys()).list("values", d.values());
            case Set s -> open("Set", s).list("elts", s.elts());
            case ListComp c -> open("ListComp", c).child("elt", c.elt()).list("generators", c.generators());
            case SetComp c -> open("SetComp", c).child("elt", c.elt()).list("generators", c.generators());
            case DictComp c -> open("DictComp", c).child("key", c.key()).child("value", c.value())
                    .list("generators", c.generators());
            case GeneratorExp c -> open("GeneratorExp", c).child("elt", c.elt()).list("generators", c.generators());
            case Yield y -> open("Yield", y).child("value", y.value());
            case YieldFrom y -> open("YieldFrom", y).child("value", y.value());
            case Compare c -> open("Compare", c).child("left", c.left()).ops(c.ops())
                    .list("comparators", c.comparators());
            case Call c -> open("Call", c).child("func", c.func()).list("args", c.args()).list("keywords", c.keywords());
            case FormattedValue f -> open("FormattedValue", f).child("value", f.value())
                    .integer("conversion", f.conversion()).child("format_spec", f.formatSpec());
            case JoinedStr j -> open("JoinedStr", j).list("values", j.values());
            case Constant c -> open("Constant", c).field("value").append(PyRepr.of(c.value()));
            case Attribute a -> open("Attribute", a).child("value", a.value()).str("attr", a.attr());
            case Subscript s -> open("Subscript", s).child("value", s.value()).child("slice", s.slice());
            case Starred s -> open("Starred", s).child("value", s.value());
            case Name nm -> open("Name", nm).str("id", nm.id());
            case ListExpr l -> open("List", l).list("elts", l.elts());
            case Tuple t -> open("Tuple", t).list("elts", t.elts());
            case Slice s -> open("Slice", s).child("lower", s.lower()).child("upper", s.upper()).child("step", s.step());
            case Comprehension c -> open("comprehension", null).child("target", c.target()).child("iter", c.iter())
                    .list("ifs", c.ifs());
            case ExceptHandler h -> open("ExceptHandler", h).child("type", h.type()).str("name", h.name())
                    .list("body", h.body());
            case Arguments a -> open("arguments", null).list("posonlyargs", a.posonlyargs()).list("args", a.args())
                    .child("vararg", a.vararg()).list("kwonlyargs", a.kwonlyargs())
                    .list("kw_defaults", a.kwDefaults()).child("kwarg", a.kwarg()).list("defaults", a.defaults());
            case Arg a -> open("arg", a).str("arg", a.arg()).child("annotation", a.annotation());
            case Keyword k -> open("keyword", k).str("arg", k.arg()).child("value", k.value());
            case Alias a -> open("alias", a).str("name", a.name()).str("asname", a.asname());
            case WithItem w -> open("withitem", null).child("context_expr", w.contextExpr())
                    .child("optional_vars", w.optionalVars());
            default -> throw new IllegalArgumentException("unknown node " + n.getClass());
        }
        sb.append(')');
    }

    // ---------------------------------------------------------------- fields

    private boolean firstField;

    /** Starts {@code Name(}; {@code positioned} is the node whose position to show, or null. */
    private AstDump open(String name, Ast positioned) {
        sb.append(name);
        if (positions && positioned != null) {
            Pos p = positioned.pos();
            sb.append('@').append(p.line()).append(':').append(p.col()).append('-')
                    .append(p.endLine()).append(':').append(p.endCol());
        }
        sb.append('(');
        firstField = true;
        return this;
    }

    private StringBuilder field(String name) {
        if (!firstField) {
            sb.append(", ");
        }
        firstField = false;
        return sb.append(name).append('=');
    }

    private AstDump child(String name, Ast value) {
        if (value != null) {
            field(name);
            node(value);
            firstField = false;
        }
        return this;
    }

    private AstDump list(String name, List<? extends Ast> values) {
        if (!values.isEmpty()) {
            field(name).append('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                Ast v = values.get(i);
                if (v == null) {
                    sb.append("None");
                } else {
                    node(v);
                }
            }
            sb.append(']');
            firstField = false;
        }
        return this;
    }

    private AstDump str(String name, String value) {
        if (value != null) {
            field(name).append(PyRepr.str(value));
        }
        return this;
    }

    private AstDump strings(String name, List<String> values) {
        if (!values.isEmpty()) {
            field(name).append('[');
            for (int i = 0; i < values.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(PyRepr.str(values.get(i)));
            }
            sb.append(']');
        }
        return this;
    }

    private AstDump integer(String name, int value) {
        field(name).append(value);
        return this;
    }

    private AstDump op(String name, String opClass) {
        field(name).append(opClass).append("()");
        return this;
    }

    private AstDump ops(List<CmpOperator> ops) {
        field("ops").append('[');
        for (int i = 0; i < ops.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(cmpName(ops.get(i))).append("()");
        }
        sb.append(']');
        return this;
    }

    // ---------------------------------------------------------------- CPython's operator class names

    static String opName(Operator op) {
        return switch (op) {
            case ADD -> "Add";
            case SUB -> "Sub";
            case MULT -> "Mult";
            case MATMULT -> "MatMult";
            case DIV -> "Div";
            case MOD -> "Mod";
            case POW -> "Pow";
            case LSHIFT -> "LShift";
            case RSHIFT -> "RShift";
            case BITOR -> "BitOr";
            case BITXOR -> "BitXor";
            case BITAND -> "BitAnd";
            case FLOORDIV -> "FloorDiv";
        };
    }

    static String unaryName(UnaryOperator op) {
        return switch (op) {
            case UADD -> "UAdd";
            case USUB -> "USub";
            case INVERT -> "Invert";
            case NOT -> "Not";
        };
    }

    static String cmpName(CmpOperator op) {
        return switch (op) {
            case EQ -> "Eq";
            case NOTEQ -> "NotEq";
            case LT -> "Lt";
            case LTE -> "LtE";
            case GT -> "Gt";
            case GTE -> "GtE";
            case IS -> "Is";
            case ISNOT -> "IsNot";
            case IN -> "In";
            case NOTIN -> "NotIn";
        };
    }
}
