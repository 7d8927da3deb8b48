package dev.taipan.rtyper.rtyper;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.flowgraph.host.PyFloat;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.annotator.Describe;
import dev.taipan.annotator.Desc.ClassDesc;
import dev.taipan.annotator.Desc.MethodDesc;
import dev.taipan.rtyper.image.Database;
import dev.taipan.rtyper.llannotation.LLAnnotations;
import dev.taipan.rtyper.llannotation.SomeLLFunction;
import dev.taipan.rtyper.llannotation.SomePtr;
import dev.taipan.rtyper.llgraph.ExceptionData;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.rtyper.Repr.ConstantRepr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rtyper (PyPy's {@code RPythonTyper}): from a finished annotation to low-level graphs.
 * Each annotation gets a representation ({@link #reprOf}: an {@code int} is a {@code Signed}
 * word, an {@code r_uint} an {@code Unsigned} one, a function called directly a {@code Void}
 * constant), each annotated graph a low-level twin ({@link GraphConverter}), each operation the
 * low-level operations of its rule ({@link Rules}). Everything is passed explicitly: the rtyper
 * holds its annotator, which holds its translation.
 *
 * <p>This part covers numbers, bools, chars, None, direct calls, {@code print} of numbers,
 * classes, instances and exceptions ({@link ClassTree}), and the pointers of the helpers written
 * in RPy ({@link LowLevelHelpers}); a program that needs more is refused with a clear
 * {@link RTyperError} saying which part of stage 03 brings it.
 */
public final class RTyper {
    private final Annotator annotator;
    private final Map<FunctionGraph, LowLevelGraph> lowLevel = new IdentityHashMap<>();
    private final Map<String, Integer> names = new HashMap<>();
    private final Database database = new Database();
    final ClassTree classes;
    final LowLevelHelpers helpers = new LowLevelHelpers(this);
    private final List<LowLevelGraph> graphs = new ArrayList<>();
    /** Graphs with their twin's signature but not converted yet: the program's, then the helpers' conversion asks for. */
    private final Deque<GraphConverter> pending = new ArrayDeque<>();

    public RTyper(Annotator annotator) {
        this.annotator = annotator;
        this.classes = new ClassTree(annotator, database);
    }

    /**
     * Every annotated graph, low-level, in the annotator's order; the entry point's first, the
     * helpers' the rules called ({@link HighLevelOp#gendirectcall}) after the program's. The
     * graph of {@code ovfcheck} is not among them: its calls become {@code int_*_ovf}
     * ({@link OvfCheck}).
     */
    public List<LowLevelGraph> specialize() {
        classes.prepare(this);
        addNewGraphs();
        classes.layout(this);
        specializeMore();
        return graphs();
    }

    /**
     * Converts every graph not converted yet, including the helpers that converting them
     * annotates on the way, until there are none (PyPy's {@code specialize_more_blocks}).
     */
    void specializeMore() {
        addNewGraphs();
        while (!pending.isEmpty()) {
            pending.poll().convert();
        }
    }

    /** Gives every graph the annotator has and this rtyper has not yet its low-level twin's signature, to convert later. */
    void addNewGraphs() {
        for (FunctionGraph g : annotator.graphs()) {
            if (lowLevel.containsKey(g) || OvfCheck.isOvfcheck(g.func)) {
                continue;
            }
            LowLevelGraph ll = shell(g);
            lowLevel.put(g, ll);
            graphs.add(ll);
            pending.add(new GraphConverter(this, g, ll));
        }
    }

    /**
     * The whole program for the llinterp (after {@link #specialize}): its graphs, {@code entry},
     * the image of every prebuilt object (vtables, class names, the exceptions operations raise)
     * and the exception data over them.
     */
    public LowLevelProgram program(LowLevelGraph entry) {
        ExceptionData exceptions = new RExceptionData(classes);
        return new LowLevelProgram(graphs, entry, database.layout(), exceptions);
    }

    /**
     * The low-level graph of the RPy helper {@code f} for arguments of low-level types
     * {@code args}, annotated, rtyped and added to the program now: what a rule's
     * {@link HighLevelOp#gendirectcall} makes, for tests and notebooks that try a helper alone
     * (its module imported after {@link dev.taipan.rtyper.llannotation.LLTypeModule#install}).
     */
    public LowLevelGraph helper(PyFunction f, LowLevelType... args) {
        return annotator.translator().host().runInside(() -> {
            List<LowLevelType> types = List.of(args);
            LowLevelGraph g = helpers.graph(f, types.stream().map(LLAnnotations::of).toList(), types, "called from Java");
            specializeMore();
            return g;
        });
    }

    /** The graphs {@link #specialize} made. */
    public List<LowLevelGraph> graphs() {
        return List.copyOf(graphs);
    }

    Annotator annotator() {
        return annotator;
    }

    /** The low-level twin of an annotated graph (after {@link #specialize}). */
    public LowLevelGraph lowLevel(FunctionGraph g) {
        return lowLevel.get(g);
    }

    /** A graph with its signature and start block, filled by its converter. */
    private LowLevelGraph shell(FunctionGraph g) {
        List<LowLevelType> args = new ArrayList<>();
        List<Variable> inputs = new ArrayList<>();
        for (int i = 0; i < g.startblock.inputargs.size(); i++) {
            Variable v = g.startblock.inputargs.get(i);
            args.add(i == 0 && classes.slotSelf(g.func) instanceof ClassRepr owner ? owner.instancePtr()
                    : signatureRepr(g, v, "argument '" + v.localName() + "' of ").lowleveltype());
            inputs.add(v.copy());
        }
        LowLevelType result = signatureRepr(g, g.returnblock.inputargs.getFirst(), "the result of ").lowleveltype();
        FunctionGraph out = new FunctionGraph(uniqueName(annotator.displayName(g)), new Block(inputs), g.func, g.code);
        return new LowLevelGraph(out.name, out, new FuncType(args, result));
    }

    private Repr signatureRepr(FunctionGraph g, Variable v, String what) {
        try {
            return reprOf(annotation(v), null, 0);
        } catch (RTyperError e) {
            throw new RTyperError(what + g.name + ": " + e.getMessage(), g.code == null ? null : g.code.source(),
                    g.code == null ? 0 : g.code.firstLine());
        }
    }

    private String uniqueName(String name) {
        int n = names.merge(name, 1, Integer::sum);
        return n == 1 ? name : name + "_" + n;
    }

    /** Whether flowing ever reached the block: links to the others are dropped (PyPy cuts them too). */
    boolean reached(Block b) {
        return annotator.reached(b);
    }

    SomeValue annotation(Value v) {
        return annotator.binding(v);
    }

    /**
     * The representation of an annotation. {@code converter} and {@code line} only say where,
     * for the error a value without a representation gets.
     */
    Repr reprOf(SomeValue s, GraphConverter converter, int line) {
        return switch (s) {
            case SomeInteger i -> i.unsigned() ? Repr.UNSIGNED : Repr.SIGNED;
            case SomeBool b -> Repr.BOOL;
            case SomeFloat f -> Repr.FLOAT;
            case SomeChar c -> Repr.CHAR;
            case SomeNone n -> new ConstantRepr(PySingleton.NONE);
            case SomeImpossibleValue i -> new ConstantRepr(PySingleton.NONE);   // never exists: nothing to store
            case SomeString str when str.konst() != null -> new ConstantRepr(str.konst());
            case SomeInstance i -> new Repr.InstanceRepr(classes.of(i.classdef()));
            case SomePBC p when !p.descs().isEmpty() && p.descs().stream().allMatch(d -> d instanceof MethodDesc) ->
                    methodRepr(p);
            case SomePBC p when p.konst() != null -> new ConstantRepr(p.konst());
            case SomePBC p when !p.descs().isEmpty() && p.descs().stream().allMatch(d -> d instanceof ClassDesc) ->
                    new Repr.ClassRefRepr(p.descs().stream().map(d -> classes.of(((ClassDesc) d).pyobj()))
                            .reduce(RTyper::commonBase).orElseThrow());
            case SomeBuiltin b when b.self() == null -> new ConstantRepr(PySingleton.NONE);
            case SomePtr p -> new Repr.PtrRepr(p.type());
            case SomeLLFunction f -> new ConstantRepr(f.konst());   // a function of lltype or llop, called directly
            default -> {
                String what = "values of type " + Describe.pyType(s) + " have no low-level representation in this "
                        + "part of stage 03 (strs, lists and dicts come in part 2)";
                throw converter == null ? new RTyperError(what, null, 0) : converter.error(what, line);
            }
        };
    }

    /** The repr of bound methods: the instance, of the nearest class all the methods are bound to. */
    private Repr methodRepr(SomePBC p) {
        ClassRepr self = p.descs().stream().map(d -> classes.of(((MethodDesc) d).selfClass())).reduce(RTyper::commonBase)
                .orElseThrow();
        String name = ((MethodDesc) p.descs().iterator().next()).func().name();
        return new Repr.MethodRepr(self, name);
    }

    private static ClassRepr commonBase(ClassRepr a, ClassRepr b) {
        ClassRepr c = a;
        while (!b.isSubclassOf(c)) {
            c = c.parent;
        }
        return c;
    }

    /** {@code f(args)} of a Python function known now: {@code direct_call} of its low-level graph. */
    Value directCall(HighLevelOp hop, PyFunction f) {
        return directCall(hop, f, null, null);
    }

    /**
     * {@code direct_call} of {@code f}'s graph for the call {@code hop}, with {@code self} (of
     * repr {@code selfRepr}) as first argument if not null ({@code __init__} at an
     * instantiation, a method of a bound method), then the call's arguments after the callee.
     */
    Value directCall(HighLevelOp hop, PyFunction f, Value self, Repr selfRepr) {
        FunctionGraph callee = annotator.calledGraph(hop.spaceop, f);
        if (callee == null || lowLevel(callee) == null) {
            throw hop.error("the call of " + f.name() + " was never annotated");
        }
        LowLevelGraph target = lowLevel(callee);
        List<Value> args = new ArrayList<>();
        args.add(LLConstant.of(target, new Ptr(target.signature())));
        List<Variable> params = callee.startblock.inputargs;
        int shift = self == null ? 1 : 0;
        int given = hop.nargs() - 1 + (self == null ? 0 : 1);
        List<PyObject> defaults = f.defaults();
        for (int i = 0; i < params.size(); i++) {
            Repr want = i == 0 && classes.slotSelf(f) instanceof ClassRepr owner ? new Repr.InstanceRepr(owner)
                    : reprOf(annotation(params.get(i)), null, hop.spaceop.line());
            if (i == 0 && self != null) {
                args.add(hop.convert(self, selfRepr, want));
            } else if (i < given) {
                args.add(hop.inputarg(want, i + shift));
            } else {
                PyObject d = defaults.get(defaults.size() - (params.size() - i));
                args.add(want instanceof ConstantRepr ? LLConstant.voidOf(d)
                        : LLConstant.of(convertConst(d, (Primitive) want.lowleveltype()), want.lowleveltype()));
            }
        }
        return hop.genop(LLOp.DIRECT_CALL, args, target.signature().result());
    }

    Constant none() {
        return LLConstant.voidOf(PySingleton.NONE);
    }

    /** A host constant as the Java value of a low-level constant of type {@code t} (see {@link LLConstant}). */
    static Object convertConst(PyObject v, Primitive t) {
        return switch (t) {
            // an r_uint above 2**63 is a big int on the host: its low 64 bits are the word
            case SIGNED, UNSIGNED -> v instanceof PyBool b ? (b == PyBool.TRUE ? 1L : 0L) : ((PyInt) v).bigValue().longValue();
            case FLOAT -> v instanceof PyFloat f ? f.value() : v instanceof PyBool b ? (b == PyBool.TRUE ? 1.0 : 0.0)
                    : (double) ((PyInt) v).longValue();
            case BOOL -> v == PyBool.TRUE;
            case CHAR -> ((PyStr) v).value().charAt(0);
            case VOID -> v;
        };
    }
}
