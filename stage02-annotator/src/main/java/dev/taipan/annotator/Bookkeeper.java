package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.*;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The annotator's memory of the program (PyPy's Bookkeeper): one {@link Desc} per prebuilt
 * constant, one {@link ClassDef} per class, one graph per function, the call sites of every
 * function (to re-flow them when its result widens), and one {@link ListDef}/{@link DictDef}
 * per creation site, so that flowing a block again finds the same list, not a fresh one.
 */
public final class Bookkeeper {
    final TranslationContext translator;
    /** The annotator this memory belongs to (PyPy's {@code bookkeeper.annotator}). */
    private final Annotator annotator;
    private final Map<PyObject, Desc> descs = new HashMap<>();
    final Map<PyType, ClassDef> classdefs = new LinkedHashMap<>();
    final Map<Desc.FunctionDesc, FunctionGraph> graphs = new LinkedHashMap<>();
    final Map<FunctionGraph, Set<Position>> callers = new HashMap<>();
    /** Who first called each graph, and from which line: the call chain of error messages. */
    final Map<FunctionGraph, String> calledFrom = new HashMap<>();
    final Map<FunctionGraph, FunctionGraph> parent = new HashMap<>();
    /** The list or dict annotation of each prebuilt list, range or dict, by identity. */
    private final Map<PyObject, ListDef> prebuiltLists = new IdentityHashMap<>();
    private final Map<PyDict, DictDef> prebuiltDicts = new IdentityHashMap<>();
    /** Prebuilt instances whose attributes the annotator has already read into their ClassDef. */
    private final Set<PyInstance> prebuiltInstances = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** Blocks to re-flow because a class they looked methods up on got a new subclass. */
    final Set<Position> newSubclassWatchers = new LinkedHashSet<>();
    private final Map<Desc.FunctionDesc, CallFamily> families = new HashMap<>();

    Bookkeeper(Annotator annotator, TranslationContext translator) {
        this.annotator = annotator;
        this.translator = translator;
    }

    /** The call family of {@code f}: every function called from one call site together with it. */
    CallFamily family(Desc.FunctionDesc f) {
        return families.computeIfAbsent(f, k -> new CallFamily(k)).find();
    }

    /** Every call family, each once (its representative). */
    java.util.Collection<CallFamily> families() {
        java.util.Set<CallFamily> all = new LinkedHashSet<>();
        for (CallFamily f : families.values()) {
            all.add(f.find());
        }
        return all;
    }

    /** Joins the families of functions called from one site. */
    void unify(Set<Desc.FunctionDesc> called) {
        CallFamily first = null;
        for (Desc.FunctionDesc f : called) {
            CallFamily fam = family(f);
            if (first == null) {
                first = fam;
            } else if (fam != first) {
                first.absorb(fam);
            }
        }
    }
    /**
     * The list or dict each creating operation makes: flowing its block again finds the same
     * one, not a fresh one. By equality of operations, so that a block re-flowed after a fork
     * (a new but equal operation) does too.
     */
    private final Map<SpaceOperation, ListDef> listsMadeBy = new HashMap<>();
    private final Map<SpaceOperation, DictDef> dictsMadeBy = new HashMap<>();

    Desc desc(PyObject o) {
        return descs.computeIfAbsent(o, k -> switch (k) {
            case PyFunction f -> new Desc.FunctionDesc(f);
            case PyType t -> new Desc.ClassDesc(t);
            default -> new Desc.FrozenDesc(k);
        });
    }

    ClassDef classdef(PyType t) {
        ClassDef c = classdefs.get(t);
        if (c == null) {
            List<PyType> bases = t.bases();
            ClassDef base = null;
            if (!bases.isEmpty() && !bases.getFirst().name().equals("object")) {
                base = classdef(bases.getFirst());
            }
            c = new ClassDef(t, base);
            classdefs.put(t, c);
            c.addDefaults(annotator);
            for (ClassDef b = base; b != null; b = b.base) {
                newSubclassWatchers.addAll(b.subclassWatchers);
            }
        }
        return c;
    }

    /** Specialised copies: one graph per (function, key); their names for the report. */
    private final Map<List<Object>, FunctionGraph> specialized = new HashMap<>();
    final Map<FunctionGraph, String> displayNames = new HashMap<>();

    /** {@code @specialize.memo()} functions: the result the translator computed for each tuple of arguments. */
    final Map<Desc.FunctionDesc, Map<List<PyObject>, PyObject>> memoTables = new LinkedHashMap<>();

    /**
     * The graph to call for {@code f} with these (bound) arguments: the one graph of a plain
     * function, or one copy per key, each flowed anew so that each has its own variables and so
     * its own annotations. The key is made of the types ({@code @specialize.argtype(N...)}) or the
     * constant values ({@code @specialize.arg(N...)}) of the named arguments, and, for a function
     * with {@code *args}, the number of arguments it packs (a tuple has a fixed length in RPy).
     */
    FunctionGraph graphFor(Desc.FunctionDesc f, List<SomeValue> args) {
        String tag = f.pyobj().dict() != null && f.pyobj().dict().getStr("_annspecialcase_") instanceof PyStr t
                ? t.value() : "";
        boolean byType = tag.startsWith("specialize:argtype(");
        List<Object> key = new java.util.ArrayList<>();
        key.add(f);
        List<String> shown = new java.util.ArrayList<>();
        if (byType || tag.startsWith("specialize:arg(")) {
            String inside = tag.substring(tag.indexOf('(') + 1, tag.lastIndexOf(')'));
            for (String n : inside.split(",")) {
                int i = Integer.parseInt(n.strip());
                SomeValue a = i < args.size() ? args.get(i) : SomeValue.IMPOSSIBLE;
                Object k = byType ? Describe.pyType(a.withoutConst()) : a.konst() != null ? a.konst() : a;
                key.add(k);
                shown.add(byType ? k.toString() : Describe.pyType(a.withoutConst()) + "="
                        + (a.konst() == null ? "?" : HostSpace.repr(a.konst())));
            }
        }
        if (f.pyobj().code().hasFlag(dev.taipan.flowgraph.bytecode.Code.VARARGS)
                && args.getLast() instanceof SomeTuple star) {
            key.add("*" + star.items().size());
            shown.add("*" + star.items().size());
        }
        if (key.size() == 1) {
            return graph(f);
        }
        return specialized.computeIfAbsent(key, k -> {
            FunctionGraph g = translator.buildspecializedgraph(f.pyobj());
            displayNames.put(g, g.name + "[" + String.join(", ", shown) + "]");
            allGraphs.add(g);
            return g;
        });
    }

    /**
     * The graph of a low-level helper, or of a function a helper calls, for these arguments
     * (already {@link #lowLevelArguments}): one graph per list of argument annotations, as
     * PyPy's {@code LowLevelAnnotatorPolicy} specialises every function it annotates by the
     * low-level types of its arguments, so that one helper serves a {@code Ptr(STR)} and a
     * {@code Ptr(LIST)} in two graphs. Shown as {@code ll_int_py_div[int, int]}.
     */
    FunctionGraph lowLevelGraph(Desc.FunctionDesc f, List<SomeValue> args) {
        List<Object> key = new java.util.ArrayList<>();
        key.add(f);
        key.add("low-level");
        key.addAll(args);
        return specialized.computeIfAbsent(key, k -> {
            FunctionGraph g = translator.buildspecializedgraph(f.pyobj());
            displayNames.put(g, g.name + "[" + String.join(", ", args.stream().map(Describe::pyType).toList()) + "]");
            allGraphs.add(g);
            lowLevelGraphs.add(g);
            return g;
        });
    }

    /** The graphs {@link #lowLevelGraph} made: their calls are specialised the same way. */
    private final Set<FunctionGraph> lowLevelGraphs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    boolean isLowLevel(FunctionGraph g) {
        return lowLevelGraphs.contains(g);
    }

    /**
     * Arguments as a low-level graph takes them: a number without its constant or its sign (a
     * helper called with 0 and with n is one graph, over a {@code Signed}); pointers and the
     * constants the low level keeps ({@code Void}: a type, a function) as they are.
     */
    static List<SomeValue> lowLevelArguments(List<SomeValue> args) {
        return args.stream().map(s -> switch (s) {
            case SomeInteger i -> (SomeValue) new SomeInteger(false, i.unsigned(), null);
            case SomeBool b -> new SomeBool(null);
            case SomeFloat x -> new SomeFloat(null);
            case SomeChar c -> new SomeChar(null);
            default -> s;
        }).toList();
    }

    /** Every graph in discovery order, specialised copies included. */
    final List<FunctionGraph> allGraphs = new java.util.ArrayList<>();

    /** The graph each call operation runs for each function it calls (see {@link Annotator#calledGraph}). */
    final Map<SpaceOperation, Map<PyFunction, FunctionGraph>> calledGraphs = new IdentityHashMap<>();

    /**
     * The graph of {@code f}. {@code we_are_translated()} means something else once translated
     * than its Python body ({@code return False}) says: its graph is that translated meaning,
     * {@code return True}, so that the annotator, and whoever runs the annotated graphs, take the
     * translated branch of {@code if we_are_translated():}.
     */
    FunctionGraph graph(Desc.FunctionDesc f) {
        return graphs.computeIfAbsent(f, k -> {
            FunctionGraph g = k.name().equals("we_are_translated") && k.pyobj().globals().getStr("__name__")
                    instanceof PyStr m && m.value().equals("rpython.rlib.objectmodel")
                    ? returning(k.pyobj(), PyBool.TRUE) : translator.buildflowgraph(k.pyobj());
            allGraphs.add(g);
            return g;
        });
    }

    /** A graph of {@code f} that returns {@code value} and does nothing else. */
    private static FunctionGraph returning(PyFunction f, PyObject value) {
        Block start = new Block(List.of());
        FunctionGraph g = new FunctionGraph(f.name(), start, f, f.code());
        start.closeblock(new Link(List.of(Constant.of(value)), g.returnblock, null));
        return g;
    }

    ListDef listdef(SpaceOperation site, boolean range) {
        return listsMadeBy.computeIfAbsent(site, k -> new ListDef(annotator, range));
    }

    DictDef dictdef(SpaceOperation site) {
        return dictsMadeBy.computeIfAbsent(site, k -> new DictDef(annotator));
    }

    /** The functions of the modules RPy programs may use ({@link Builtins#MODULES}), by identity: {@code os.write}. */
    private Map<PyObject, String> moduleFunctions;

    /**
     * The name the typing rules know a builtin function by: its own ({@code len}), or, for a
     * function of {@code os} or {@code math}, qualified by its module ({@code os.write},
     * {@code math.sqrt}), since the flow space folds {@code os.write} to the function itself and
     * {@code os.open} and {@code open} share a name.
     */
    private String builtinName(PyBuiltinFunction b) {
        if (moduleFunctions == null) {
            moduleFunctions = new IdentityHashMap<>();
            for (String m : Builtins.MODULES) {
                PyObject module = translator.host().importName(m, new PyDict(), PySingleton.NONE, 0);
                module.dict().asMap().forEach((k, v) -> {
                    if (v instanceof PyBuiltinFunction) {
                        moduleFunctions.put(v, m + "." + HostSpace.str(k));
                    }
                });
            }
        }
        String qualified = moduleFunctions.get(b);
        return qualified != null ? qualified : HostSpace.str(HostSpace.getattr(b, PyStr.of("__name__")));
    }

    /** The built-in exception classes, which operations may raise without the program naming them. */
    private List<PyType> builtinExceptions;

    /**
     * {@code type(x)} for an instance of {@code cd}: one of the classes such an instance can
     * have, i.e. {@code cd} and every subclass the program uses, and, below a built-in exception
     * class, every built-in exception an operation may raise. Not {@code cd} alone: an
     * {@code except Exception} handler sees a {@code KeyError}. RPy creates no class at run
     * time, so the set is complete once the annotator has seen every class; the block asking is
     * re-flowed when a new subclass appears.
     */
    SomeValue typeOf(Annotator ann, ClassDef cd) {
        java.util.Set<Desc> classes = new java.util.HashSet<>();
        for (ClassDef c : List.copyOf(classdefs.values())) {
            if (c.isSubclassOf(cd)) {
                classes.add(desc(c.pytype));
            }
        }
        if (cd.pytype.isBuiltin()) {
            if (builtinExceptions == null) {
                PyType base = (PyType) translator.host().builtin("BaseException");
                builtinExceptions = new java.util.ArrayList<>();
                translator.host().importName("builtins", new PyDict(), PySingleton.NONE, 0).dict().asMap().forEach((k, v) -> {
                    if (v instanceof PyType t && t.isSubtypeOf(base)) {
                        builtinExceptions.add(t);
                    }
                });
            }
            for (PyType t : builtinExceptions) {
                if (t.isSubtypeOf(cd.pytype)) {
                    classes.add(desc(t));
                }
            }
        }
        Attributes.watchSubclasses(ann, cd);
        return new SomePBC(classes, false);
    }

    /** The annotation of a constant met in a graph (PyPy's immutablevalue). */
    SomeValue immutablevalue(Object value, Annotator ann) {
        return switch (value) {
            case ContributedObject c -> c.annotation();
            case PyBool b -> new SomeBool(b);
            case PyInt i when !i.type().isBuiltin() && i.type().name().equals("r_uint") -> new SomeInteger(true, true, i);
            case PyInt i -> new SomeInteger(i.fitsLong() && i.longValue() >= 0, false, i);
            case PyFloat f -> new SomeFloat(f);
            case PyStr s when s.value().length() == 1 -> new SomeChar(s);
            case PyStr s -> new SomeString(false, s);
            case PyTuple t -> new SomeTuple(t.items().stream().map(x -> immutablevalue(x, ann)).toList());
            case PyFunction f -> new SomePBC(desc(f));
            case PyType t -> new SomePBC(desc(t));
            case PyBuiltinFunction b -> new SomeBuiltin(builtinName(b), null);
            case PyBytes b -> new SomeBytes(b);
            case PyList l -> {
                ListDef d = prebuiltLists.computeIfAbsent(l, k -> new ListDef(annotator, false));
                for (PyObject x : l.items()) {
                    d.item.generalize(ann, immutablevalue(x, ann));
                }
                yield new SomeList(d);
            }
            case PyDict d -> {
                DictDef dd = prebuiltDicts.computeIfAbsent(d, k -> new DictDef(annotator));
                d.asMap().forEach((k, v) -> {
                    dd.key.generalize(ann, immutablevalue(k, ann));
                    dd.value.generalize(ann, immutablevalue(v, ann));
                });
                yield new SomeDict(dd);
            }
            case PyInstance inst -> {
                ClassDef cd = classdef(inst.type());
                if (prebuiltInstances.add(inst)) {
                    inst.dict().asMap().forEach((k, v) ->
                            cd.locate(ann, HostSpace.str(k)).generalize(ann, immutablevalue(v, ann)));
                }
                yield new SomeInstance(cd, false);
            }
            case PyRange r -> {
                ListDef d = prebuiltLists.computeIfAbsent(r, k -> new ListDef(annotator, true));
                d.item.generalize(ann, new SomeInteger());
                yield new SomeList(d);
            }
            case PyMethod m when m.function() instanceof PyFunction f && m.self() instanceof PyInstance self
                    && immutablevalue(self, ann) instanceof SomeInstance si ->
                    new SomePBC(new Desc.MethodDesc((Desc.FunctionDesc) desc(f), si.classdef()));
            case PySingleton s when s == PySingleton.NONE -> new SomeNone();
            case PyObject o -> new SomePBC(desc(o));
            default -> new SomeObject();
        };
    }
}
