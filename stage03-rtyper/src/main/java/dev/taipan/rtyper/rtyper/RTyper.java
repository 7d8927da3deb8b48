package dev.taipan.rtyper.rtyper;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.Arguments;
import dev.taipan.annotator.CallFamily;
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
import dev.taipan.flowgraph.host.PyInstance;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.annotator.Describe;
import dev.taipan.annotator.Desc.ClassDesc;
import dev.taipan.annotator.Desc.FunctionDesc;
import dev.taipan.annotator.Desc.MethodDesc;
import dev.taipan.rtyper.image.Database;
import dev.taipan.rtyper.image.FunctionRef;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.llannotation.LLAnnotations;
import dev.taipan.rtyper.llannotation.SomeLLFunction;
import dev.taipan.rtyper.llannotation.SomePtr;
import dev.taipan.rtyper.llgraph.ExceptionData;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.StructType;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.memory.HeapPicture;
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
    private final Map<FunctionGraph, SomeValue> familyResults = new IdentityHashMap<>();
    /** The union of each parameter's annotations over the graph's call and slot families ({@link #normalizeFamilies}). */
    private final Map<FunctionGraph, List<SomeValue>> familyArgs = new IdentityHashMap<>();
    private final Database database = new Database();
    final PrebuiltStrings strings = new PrebuiltStrings(database);
    final ClassTree classes;
    final Sequences sequences;
    final IteratorVariants iteratorVariants;
    final DictRules dicts;
    final LowLevelHelpers helpers = new LowLevelHelpers(this);
    final ItemFunctions items = new ItemFunctions(this);
    final RuntimeFormatting runtimeFormats = new RuntimeFormatting(this);
    private final List<LowLevelGraph> graphs = new ArrayList<>();
    /** Graphs with their twin's signature but not converted yet: the program's, then the helpers' conversion asks for. */
    private final Deque<GraphConverter> pending = new ArrayDeque<>();

    public RTyper(Annotator annotator) {
        this.annotator = annotator;
        this.classes = new ClassTree(annotator, database, strings);
        this.sequences = new Sequences(this, database);
        this.iteratorVariants = new IteratorVariants(this);
        this.dicts = new DictRules(this, database);
    }

    /**
     * Every annotated graph, low-level, in the annotator's order; the entry point's first, the
     * helpers' the rules called ({@link HighLevelOp#gendirectcall}) after the program's. The
     * graph of {@code ovfcheck} is not among them: its calls become {@code int_*_ovf}
     * ({@link OvfCheck}).
     */
    public List<LowLevelGraph> specialize() {
        classes.prepare(this);
        normalizeFamilies();
        classes.prepareFields(this);
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
            if (lowLevel.containsKey(g) || OvfCheck.isOvfcheck(g.func) || Builtins.isRarithmetic(g.func, "intmask")) {
                continue;   // their calls are operations, not calls (OvfCheck, Builtins.intmask)
            }
            LowLevelGraph ll = shell(g);
            lowLevel.put(g, ll);
            graphs.add(ll);
            pending.add(new GraphConverter(this, g, ll));
        }
    }

    /**
     * Gives the functions of each call family one result (PyPy's {@code normalizecalls}): they
     * are called through one function pointer type, so {@code make_square} returning a
     * {@code Square} and {@code make_circle} a {@code Circle} both return the union, a
     * {@code Shape}, converted on the links into their return blocks. The methods that fill
     * one vtable slot are such a family too (a method that always raises returns nothing, yet
     * its slot's type returns what the others return). Their parameters are unioned too
     * ({@link #paramRepr}): a parameter one member knows as a constant and another does not is
     * a real value in the signature of both.
     */
    private void normalizeFamilies() {
        List<List<PyFunction>> families = new ArrayList<>(classes.slotFamilies());   // the methods in one vtable slot
        for (CallFamily family : annotator.callFamilies()) {
            families.add(family.members().stream().map(FunctionDesc::pyobj).toList());
        }
        families.addAll(valueFamilies());
        boolean changed = true;
        while (changed) {   // a function in two families joins them: until every family agrees
            changed = false;
            for (List<PyFunction> family : families) {
                List<FunctionGraph> members = family.stream().map(f -> annotator.calledGraph(null, f))
                        .filter(g -> g != null).toList();
                if (members.size() > 1) {
                    changed |= unifyArguments(members);
                    List<SomeValue> results = new ArrayList<>(members.stream().map(this::resultAnnotation).toList());
                    SomeValue result = annotator.unionOfFinished(results);
                    for (FunctionGraph g : members) {
                        changed |= !result.equals(familyResults.put(g, result));
                    }
                }
            }
        }
    }

    /**
     * The sets of functions the program uses as one value (a variable, a list's items, a dict's
     * values, an attribute that holds either of them): one function pointer type holds them, so
     * they are a family too, even where no call site calls them together, which is what makes
     * the annotator's call families (a list of functions whose items are only called one by one
     * by name, fuzz seed 520040).
     */
    private List<List<PyFunction>> valueFamilies() {
        java.util.Set<List<PyFunction>> out = new java.util.LinkedHashSet<>();
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (FunctionGraph g : annotator.graphs()) {
            for (Block b : g.iterblocks()) {
                if (!annotator.reached(b)) {
                    continue;
                }
                b.inputargs.forEach(v -> collectFunctionSets(annotation(v), out, seen));
                for (var op : b.operations) {
                    collectFunctionSets(annotation(op.result()), out, seen);
                    for (Value a : op.args()) {
                        if (a instanceof Constant) {
                            collectFunctionSets(annotation(a), out, seen);   // a prebuilt list of functions
                        }
                    }
                }
            }
        }
        annotator.classdefs().forEach(c -> c.attributes().values().forEach(a -> collectFunctionSets(a, out, seen)));
        return List.copyOf(out);
    }

    private static void collectFunctionSets(SomeValue s, java.util.Set<List<PyFunction>> out, java.util.Set<Object> seen) {
        switch (s) {
            case SomePBC p when p.descs().size() > 1 && p.descs().stream().allMatch(d -> d instanceof FunctionDesc) ->
                    out.add(p.descs().stream().map(d -> ((FunctionDesc) d).pyobj()).toList());
            case SomeTuple t -> t.items().forEach(i -> collectFunctionSets(i, out, seen));
            case SomeList l when seen.add(l.listdef()) -> collectFunctionSets(l.listdef().itemValue(), out, seen);
            case SomeDict d when seen.add(d.dictdef()) -> {
                collectFunctionSets(d.dictdef().keyValue(), out, seen);
                collectFunctionSets(d.dictdef().valueValue(), out, seen);
            }
            case SomeIterator it -> {
                collectFunctionSets(it.container(), out, seen);
                collectFunctionSets(it.item(), out, seen);
            }
            case null, default -> { }
        }
    }

    /**
     * Unions each parameter's annotations over the graphs of one family, for {@link #paramRepr}:
     * whether any union grew. Graphs with different numbers of parameters are left alone.
     */
    private boolean unifyArguments(List<FunctionGraph> members) {
        int n = members.getFirst().startblock.inputargs.size();
        if (members.stream().anyMatch(g -> g.startblock.inputargs.size() != n)) {
            return false;
        }
        boolean changed = false;
        List<SomeValue> unions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int j = i;
            unions.add(annotator.unionOfFinished(members.stream().map(g -> argAnnotation(g, j)).toList()));
        }
        for (FunctionGraph g : members) {
            changed |= !unions.equals(familyArgs.put(g, unions));
        }
        return changed;
    }

    private SomeValue argAnnotation(FunctionGraph g, int i) {
        List<SomeValue> family = familyArgs.get(g);
        return family != null ? family.get(i) : annotation(g.startblock.inputargs.get(i));
    }

    /**
     * The repr of parameter {@code i} of graph {@code g} in its low-level signature, what its
     * callers pass: its annotation's; but a parameter the annotator knows as a constant here
     * (a {@code Void}, as a method specialised on a constant string) and not in another member
     * of its family gets the family's repr, as PyPy's {@code normalizecalls} generalises the
     * arguments (fuzz_ll_200160): the graph drops the value on entry
     * ({@code GraphConverter.enter}). Any other parameter whose family's repr is not its own
     * takes the family's too, and the graph narrows it on entry to what its body was annotated
     * for: an instance of a subclass here, of their common base in another member, is cast down
     * (a method called on an exact C15 with a C7 and on a C16 with any C5, fuzz seed 300167); a
     * {@code (char, int)} tuple here, a {@code (str, int)} one in another method of the slot, is
     * copied into a tuple of a char (fuzz seed 511063). Every member of a family then has one
     * signature, the one its vtable slot or function pointer has. The narrowing is sound
     * because the annotator passed this graph every value that can reach it: its own
     * annotation holds them all, only their representation was widened by the caller.
     */
    Repr paramRepr(FunctionGraph g, int i, GraphConverter converter, int line) {
        Repr own = reprOf(annotation(g.startblock.inputargs.get(i)), converter, line);
        List<SomeValue> family = familyArgs.get(g);
        if (family == null) {
            return own;
        }
        try {
            Repr general = reprOf(family.get(i), converter, line);
            if (own instanceof ConstantRepr) {
                return general.lowleveltype() == Primitive.VOID ? own : general;
            }
            return general.lowleveltype().equals(own.lowleveltype()) ? own : general;
        } catch (RTyperError e) {
            return own;   // the family has no repr for it: the mismatch, if any, is reported where it is used
        }
    }

    /** The annotation of what graph {@code g} returns: its own, or its call family's. */
    SomeValue resultAnnotation(FunctionGraph g) {
        SomeValue family = familyResults.get(g);
        return family != null ? family : annotation(g.returnblock.inputargs.getFirst());
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

    /**
     * A prebuilt instance of one of the program's classes, as the constant pointer to its
     * struct in the image that the graphs use (after {@link #specialize}): the GC transformer
     * reads and bumps the fields of the collector's {@code GC} instance in its inline fast paths.
     */
    public Constant prebuiltInstance(PyInstance instance) {
        return LLConstant.of(classes.prebuiltInstance(this, instance), classes.of(instance.type()).instancePtr());
    }

    /** A graph with its signature and start block, filled by its converter. */
    private LowLevelGraph shell(FunctionGraph g) {
        List<LowLevelType> args = new ArrayList<>();
        List<Variable> inputs = new ArrayList<>();
        for (int i = 0; i < g.startblock.inputargs.size(); i++) {
            Variable v = g.startblock.inputargs.get(i);
            args.add(i == 0 && classes.slotSelf(g.func) instanceof ClassRepr owner ? owner.instancePtr()
                    : signatureRepr(g, i, "argument '" + v.localName() + "' of ").lowleveltype());
            inputs.add(v.copy());
        }
        LowLevelType result = signatureRepr(g, resultAnnotation(g), "the result of ").lowleveltype();
        FunctionGraph out = new FunctionGraph(uniqueName(annotator.displayName(g)), new Block(inputs), g.func, g.code);
        return new LowLevelGraph(out.name, out, new FuncType(args, result));
    }

    private Repr signatureRepr(FunctionGraph g, SomeValue s, String what) {
        try {
            return reprOf(s, null, 0);
        } catch (RTyperError e) {
            throw new RTyperError(what + g.name + ": " + e.getMessage(), g.code == null ? null : g.code.source(),
                    g.code == null ? 0 : g.code.firstLine());
        }
    }

    private Repr signatureRepr(FunctionGraph g, int i, String what) {
        try {
            return paramRepr(g, i, null, 0);
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
            case SomeValue.SomeBytes b -> Repr.STR;   // a string at the low level (OsRules)
            case SomeInstance i -> new Repr.InstanceRepr(classes.of(i.classdef()));
            case SomePBC p when !p.descs().isEmpty() && p.descs().stream().allMatch(d -> d instanceof MethodDesc) ->
                    methodRepr(p);
            case SomePBC p when p.konst() != null -> new ConstantRepr(p.konst());
            case SomePBC p when !p.descs().isEmpty() && p.descs().stream().allMatch(d -> d instanceof FunctionDesc) ->
                    functionPtrRepr(p, converter, line);
            case SomePBC p when !p.descs().isEmpty() && p.descs().stream().allMatch(d -> d instanceof ClassDesc) ->
                    new Repr.ClassRefRepr(p.descs().stream().map(d -> classes.of(((ClassDesc) d).pyobj()))
                            .reduce(RTyper::commonBase).orElseThrow());
            case SomeBuiltin b when SuperCalls.self(b) instanceof SomeInstance self -> reprOf(self, converter, line);
            case SomeBuiltin b when b.self() == null -> new ConstantRepr(PySingleton.NONE);
            case SomeBuiltin b -> new Repr.BuiltinMethodRepr(reprOf(b.self().withoutConst(), converter, line), b.name());
            case SomePtr p -> new Repr.PtrRepr(p.type());
            case RTypedAnnotation a -> new Repr.ContributedRepr(a);   // a later stage's (SomeAddress)
            case dev.taipan.rtyper.llannotation.SomeInteriorPtr p -> new Repr.InteriorPtrRepr(p.parent(), p.field());
            case SomeLLFunction f -> new ConstantRepr(f.konst());   // a function of lltype or llop, called directly
            case SomeSlice sl -> ListRules.sliceRepr();
            default -> {
                if (s instanceof SomeIterator it && it.variant() != SomeIterator.Variant.ITEMS) {
                    yield iteratorVariants.reprOf(it, converter, line);
                }
                Repr r = s instanceof SomeDict || s instanceof SomeIterator it && it.container() instanceof SomeDict
                        ? dicts.reprOf(s, converter, line) : sequences.reprOf(s, converter, line);
                if (r != null) {
                    items.remember(r, s);   // what the items' repr and comparison functions are annotated for
                    yield r;
                }
                String what = "values of type " + Describe.pyType(s) + " have no low-level representation in this "
                        + "part of stage 03";
                throw converter == null ? new RTyperError(what, null, 0) : converter.error(what, line);
            }
        };
    }

    /** The repr of a choice of functions: a pointer to their one low-level signature. */
    private Repr functionPtrRepr(SomePBC p, GraphConverter converter, int line) {
        FuncType type = null;
        String first = null;
        for (var d : p.descs()) {
            PyFunction f = ((FunctionDesc) d).pyobj();
            FunctionGraph g = annotator.calledGraph(null, f);
            if (g == null) {
                continue;   // never called: it has no graph, and no caller can reach it
            }
            List<LowLevelType> args = new ArrayList<>();
            for (int i = 0; i < g.startblock.inputargs.size(); i++) {
                args.add(paramRepr(g, i, converter, line).lowleveltype());
            }
            FuncType t = new FuncType(args, reprOf(resultAnnotation(g), converter, line).lowleveltype());
            if (type != null && !type.equals(t)) {
                String what = "the functions " + first + " and " + f.name() + " are used as one value, so they are called "
                        + "through one pointer, but their low-level signatures differ: " + type + " and " + t;
                throw converter == null ? new RTyperError(what, null, 0) : converter.error(what, line);
            }
            type = t;
            first = first == null ? f.name() : first;
        }
        if (type == null) {
            return new ConstantRepr(PySingleton.NONE);   // none is ever called: nothing to store
        }
        return new Repr.FunctionPtrRepr(new Ptr(type));
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
        return directCall(hop, f, null);
    }

    /**
     * {@code direct_call} of {@code f}'s graph for the call {@code hop}, with {@code self} as
     * first argument if not null ({@code __init__} at an instantiation, a method of a bound
     * method), then the call's arguments after the callee.
     */
    Value directCall(HighLevelOp hop, PyFunction f, HighLevelOp.CallArg self) {
        FunctionGraph callee = calledGraph(hop, f);
        LowLevelGraph target = lowLevel(callee);
        List<Value> args = new ArrayList<>();
        args.add(LLConstant.of(target, new Ptr(target.signature())));
        args.addAll(bindArgs(hop, f, callee, self));
        Value result = hop.genop(LLOp.DIRECT_CALL, args, target.signature().result());
        // a member of a family returns the family's repr, maybe wider than what the annotator
        // proved this call returns (a char where another member returns a str, fuzz seed
        // 700005): narrowed here, as its parameters are on entry (paramRepr)
        Repr returned = hop.reprOf(resultAnnotation(callee));
        return returned instanceof ConstantRepr || returned.lowleveltype().equals(hop.resultRepr.lowleveltype()) ? result
                : hop.resultFrom(result, returned);
    }

    /**
     * {@code indirect_call} of the function pointer {@code fn} (of type {@code type}), which is
     * one of {@code functions}: the arguments are bound as for the first of them, which the
     * others must agree with (a family of functions called through one pointer has one
     * signature; where a default fills an argument, all must have that default). The graphs it
     * may reach go last, as a Void list, as PyPy's {@code indirect_call} has them.
     */
    Value indirectCall(HighLevelOp hop, Value fn, FuncType type, List<PyFunction> functions, HighLevelOp.CallArg self) {
        List<LowLevelGraph> graphs = new ArrayList<>();
        for (PyFunction f : functions) {
            FunctionGraph g = annotator.calledGraph(hop.spaceop, f);
            if (g != null && lowLevel(g) != null) {
                graphs.add(lowLevel(g));
            }
            if (!f.defaults().equals(functions.getFirst().defaults())) {
                throw hop.error("the functions " + functions.getFirst().name() + " and " + f.name() + ", called here through "
                        + "one pointer, have different defaults: give them the same");
            }
        }
        FunctionGraph first = calledGraph(hop, functions.getFirst());
        List<Value> args = new ArrayList<>();
        args.add(fn);
        args.addAll(bindArgs(hop, functions.getFirst(), first, self));
        graphs.sort(java.util.Comparator.comparing(LowLevelGraph::name));
        args.add(LLConstant.voidOf(List.copyOf(graphs)));
        return hop.genop(LLOp.INDIRECT_CALL, args, type.result());
    }

    /** The low-level graph of {@code f}, a function used as a value (a function pointer's target). */
    LowLevelGraph graphOf(PyFunction f) {
        FunctionGraph g = annotator.calledGraph(null, f);
        if (g == null || lowLevel(g) == null) {
            throw new RTyperError("the function " + f.name() + " is used as a value but never annotated", null, 0);
        }
        return lowLevel(g);
    }

    /**
     * What a pointer to {@code f} holds: its low-level graph, or null for a function stored as a
     * value (in a prebuilt list of functions, say) that no call ever reaches, since the annotator
     * gave it no graph: the pointer is never called, so a null one is never seen to differ.
     * PyPy's function reprs make the same choice for a function with no call in its table.
     */
    LowLevelGraph targetOf(PyFunction f) {
        FunctionGraph g = annotator.calledGraph(null, f);
        return g == null ? null : lowLevel(g);
    }

    /** The graph the annotator made of {@code f} for the call {@code hop}. */
    FunctionGraph calledGraph(HighLevelOp hop, PyFunction f) {
        FunctionGraph callee = annotator.calledGraph(hop.spaceop, f);
        if (callee == null || lowLevel(callee) == null) {
            throw hop.error("the call of " + f.name() + " was never annotated (a JIT hint?): it has no low-level "
                    + "translation in this part");
        }
        return callee;
    }

    /**
     * The low-level arguments of a call of {@code f} (graph {@code callee}), bound to its
     * parameters as the annotator bound them ({@link Arguments#plan}): by position, by keyword,
     * the defaults filled in as constants, the extra ones packed into the {@code *rest} tuple;
     * each converted to the repr of its parameter.
     */
    List<Value> bindArgs(HighLevelOp hop, PyFunction f, FunctionGraph callee, HighLevelOp.CallArg self) {
        List<HighLevelOp.CallArg> given = new ArrayList<>();
        if (self != null) {
            given.add(self);
        }
        given.addAll(hop.callArgs());
        List<String> keywords = hop.keywords();
        Arguments.Plan plan = Arguments.plan(f, given.size() - keywords.size(), keywords, hop::error);
        List<Variable> params = callee.startblock.inputargs;
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Repr want = i == 0 && classes.slotSelf(f) instanceof ClassRepr owner ? new Repr.InstanceRepr(owner)
                    : paramRepr(callee, i, null, hop.spaceop.line());
            if (i == plan.params().size()) {   // the *rest parameter
                out.add(sequences.newtuple(hop, (Repr.TupleRepr) want,
                        plan.rest().stream().map(given::get).toList()));
                continue;
            }
            out.add(switch (plan.params().get(i)) {
                case Arguments.Source.Arg(int k) -> hop.convert(given.get(k).value(), given.get(k).repr(), want);
                case Arguments.Source.Default(PyObject d) -> want instanceof ConstantRepr ? LLConstant.voidOf(d)
                        : hop.convert(LLConstant.voidOf(d), new ConstantRepr(d), want);
            });
        }
        return out;
    }

    Constant none() {
        return LLConstant.voidOf(PySingleton.NONE);
    }

    /**
     * A host value as what a slot of a prebuilt object holds in repr {@code r} (see
     * {@link dev.taipan.rtyper.image.Slot#set}): a number, a pointer to another prebuilt object
     * (converted on first sight: a string, a tuple, a list, an instance, a vtable), a function
     * reference; null for None and for a {@code Void} value, which is not stored.
     */
    Object prebuiltValue(PyObject v, Repr r) {
        if (v == PySingleton.NONE || r.lowleveltype() == Primitive.VOID) {
            return null;
        }
        return switch (r) {
            case Repr.PrimitiveRepr(Primitive p) -> convertConst(v, p);
            case Repr.ContributedRepr(var a) -> a.lowLevelConstant(v);
            case Repr.InstanceRepr i when v instanceof PyInstance inst -> classes.prebuiltInstance(this, inst);
            case Repr.ClassRefRepr c when v instanceof PyType t -> classes.of(t).vtablePrebuilt;
            case Repr.FunctionPtrRepr(Ptr fp) when v instanceof PyFunction f ->
                    targetOf(f) == null ? null : new FunctionRef(targetOf(f).name(), (FuncType) fp.to());
            default -> {
                Prebuilt p = r instanceof Repr.DictRepr d ? dicts.constant(v, d) : sequences.constant(v, r);
                if (p == null) {
                    throw new RTyperError("a prebuilt " + v.type().name() + " stored as " + r.lowleveltype()
                            + " has no low-level translation in this part", null, 0);
                }
                yield p;
            }
        };
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
            case ADDRESS -> throw new IllegalArgumentException("an Address constant is the contributed annotation's (llmemory.NULL)");
            case VOID -> v;
        };
    }

    /**
     * The classes' types as the heap shows them, for {@link HeapPicture}: an instance is drawn
     * as the class its {@code typeptr} names, a vtable as its class's vtable struct, rather than
     * as the static types of the pointers that reach them; a function pointer by its graph's
     * name. {@code interp} is the llinterp that mapped this program's image into {@code heap}.
     */
    public HeapPicture.Types heapTypes(Heap heap, LLInterpreter interp) {
        Map<Long, ClassRepr> byVtable = new HashMap<>();
        for (ClassRepr c : classes.all()) {
            if (c.vtablePrebuilt != null) {
                byVtable.put(interp.addressOf(c.vtablePrebuilt), c);
            }
        }
        Map<Long, String> functions = new HashMap<>();
        for (LowLevelGraph g : graphs()) {
            functions.put(interp.addressOf(g), g.name());
        }
        long typeptr = Layout.offsetOf(ClassRepr.OBJECT, "typeptr");
        return new HeapPicture.Types() {
            @Override
            public ContainerType actual(long address, ContainerType declared) {
                if (declared instanceof StructType s && s.startsWith(ClassRepr.OBJECT)) {
                    ClassRepr c = byVtable.get(heap.loadPtr(address, typeptr));
                    return c == null ? declared : c.instance;
                }
                if (declared instanceof StructType s && s.startsWith(ClassRepr.OBJECT_VTABLE)) {
                    ClassRepr c = byVtable.get(address);
                    return c == null ? declared : c.vtable;
                }
                return declared;
            }

            @Override
            public String functionName(long address) {
                return functions.get(address);
            }
        };
    }
}
