package dev.taipan.annotator;

import dev.taipan.annotator.SomeValue.*;
import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.flow.*;
import dev.taipan.flowgraph.host.*;
import dev.taipan.flowgraph.operation.HLOp;
import java.util.*;

/**
 * The fixpoint (PyPy's RPythonAnnotator): a worklist of blocks. A block is flowed when its input
 * annotations widen; flowing types each operation ({@link #consider}) and sends the results
 * along the exits, each link passing its arguments to the target block
 * ({@link #addpendingblock}). A block whose input does not change is not flowed again, and
 * every annotation only moves up a finite lattice, so the worklist empties.
 */
public final class Annotator {
    final Bookkeeper bookkeeper;
    /**
     * The components a graded exercise may replace (stage 02's {@link Exercised}), chosen once
     * when the annotator is made: the reference, unless the grader or {@code --use-student}
     * names a student's class. Nothing is looked up while annotating.
     */
    final NumberUnion numberUnion;
    final IsinstanceNarrowing isinstanceNarrowing;
    final ItemGeneralization itemGeneralization;
    final Map<Variable, SomeValue> bindings = new HashMap<>();
    private final Set<Block> reached = new HashSet<>();
    /** The links flowed along: the rtyper converts these only ({@link #followed}). */
    private final Set<Link> followed = new HashSet<>();
    private final Deque<Position> pending = new ArrayDeque<>();
    private final Set<Position> queued = new HashSet<>();
    private Position current;
    private SpaceOperation currentOp;
    private int currentLine;
    /** The columns of the current operation on {@link #currentLine} (packed, as in {@code Code}): the caret's place. */
    private int currentColumns = Code.NO_COLUMNS;
    /** The first read of each attribute, to report if nobody ever assigns it. */
    private final Map<ListItem, AttrRead> attrReads = new LinkedHashMap<>();

    private record AttrRead(String message, int line, int columns) { }
    /**
     * Blocks whose flowing stopped at an operation with no possible result yet (PyPy's blocked
     * blocks): a call whose callee has not returned so far, an attribute of what is only None
     * so far. Flowing the block again may get past it; whatever is left at the fixpoint is
     * either a call that never returns (fine) or an operation that cannot succeed (an error).
     */
    private final Map<Position, SpaceOperation> blocked = new LinkedHashMap<>();
    /** True while a helper is annotated ({@link #annotateHelper}): then the {@link #fixed} blocks must not change. */
    private boolean annotatingHelper;
    /** The blocks annotated before the helper being annotated now: the rtyper may have translated them. */
    private Set<Block> fixed = Set.of();

    /**
     * An annotator taking its graphs from {@code translator} (PyPy's
     * {@code translator.buildannotator()}): graphs already built there are not flowed again,
     * which lets a benchmark time annotation apart from flowing.
     */
    public Annotator(TranslationContext translator) {
        bookkeeper = new Bookkeeper(this, translator);
        numberUnion = Exercised.NUMBER_UNION.current();
        isinstanceNarrowing = Exercised.ISINSTANCE_NARROWING.current();
        itemGeneralization = Exercised.ITEM_GENERALIZATION.current();
    }

    /** The lattice join, with this annotator's join of numbers. */
    SomeValue union(SomeValue a, SomeValue b) {
        return Union.join(a, b, numberUnion);
    }

    /** The join of all {@code values}. */
    SomeValue unionAll(Iterable<SomeValue> values) {
        SomeValue r = SomeValue.IMPOSSIBLE;
        for (SomeValue v : values) {
            r = union(r, v);
        }
        return r;
    }

    /**
     * The join of all {@code values} once annotation is over: how the rtyper gives a call
     * family's members one result. It changes no annotation ({@link Union#joinFinished}).
     */
    public SomeValue unionOfFinished(Iterable<SomeValue> values) {
        SomeValue r = SomeValue.IMPOSSIBLE;
        for (SomeValue v : values) {
            r = Union.join(r, v, numberUnion, false);
        }
        return r;
    }

    Position current() {
        return current;
    }

    /** The operation being typed: also the creation site of the lists and dicts a builtin makes. */
    SpaceOperation currentOp() {
        return currentOp;
    }

    /** Annotates everything reachable from {@code entry} called with {@code args}. */
    public FunctionGraph annotate(PyFunction entry, List<SomeValue> args) {
        Desc.FunctionDesc d = (Desc.FunctionDesc) bookkeeper.desc(entry);
        FunctionGraph g = bookkeeper.graph(d);
        bookkeeper.calledFrom.put(g, "entry point " + entry.name());
        passArgs(g, args, entry.name());
        complete();
        return g;
    }

    /**
     * Annotates the low-level helper {@code f} called with {@code args}, after the program
     * (PyPy's {@code annotate_helper} under the {@code LowLevelAnnotatorPolicy}): how the rtyper
     * types the RPy functions it calls in place of an operation that is more than one machine
     * instruction (stage 03's {@code hop.gendirectcall}). The helper, and every function a
     * helper's graph calls, gets one graph per list of argument types: numbers without their
     * constant or sign, pointers by their type ({@link Bookkeeper#lowLevelGraph}); the program's
     * own graphs keep their policy, even when flowed again meanwhile. {@code calledFrom} says in
     * errors who needed the helper. The fixpoint is run again; the blocks annotated before must
     * keep their annotations, since the rtyper may have translated them already.
     */
    public FunctionGraph annotateHelper(PyFunction f, List<SomeValue> args, String calledFrom) {
        List<SomeValue> full = Bookkeeper.lowLevelArguments(Arguments.bind(this, f, args, List.of()));
        FunctionGraph g = bookkeeper.lowLevelGraph((Desc.FunctionDesc) bookkeeper.desc(f), full);
        bookkeeper.calledFrom.putIfAbsent(g, calledFrom);
        if (fixed.size() != reached.size()) {
            fixed = new HashSet<>(reached);   // reached only grows: the same size is the same set
        }
        annotatingHelper = true;
        try {
            passArgs(g, full, f.name());
            complete();
        } finally {
            annotatingHelper = false;
        }
        return g;
    }

    private void complete() {
        int steps = 0;
        while (!pending.isEmpty()) {
            // a safety net, not a bound on program size: every block may be flowed again as each
            // of its inputs climbs the (short) lattice, so allow many flows per block reached
            if (++steps > 10_000 + 200L * reached.size()) {
                throw error(this, "annotation does not converge (a Taipan limitation, not your program's fault)");
            }
            if (!bookkeeper.newSubclassWatchers.isEmpty()) {
                reflow(List.copyOf(bookkeeper.newSubclassWatchers));
                bookkeeper.newSubclassWatchers.clear();
            }
            Position p = pending.poll();
            queued.remove(p);
            flowin(p);
        }
        for (var e : attrReads.entrySet()) {
            if (e.getKey().value() instanceof SomeImpossibleValue) {
                AttrRead r = e.getValue();
                throw new AnnotatorError(r.message(), sourceOf(null), r.line(), List.of(), r.columns());
            }
        }
        for (var e : blocked.entrySet()) {
            SpaceOperation op = e.getValue();
            // a call that never returns and `next` on an iterator over nothing (`for x in ()`)
            // legitimately have no result; any other operation stuck here can never succeed
            if (!(op.op() == HLOp.SIMPLE_CALL || op.op() == HLOp.CALL_ARGS || op.op() == HLOp.NEXT)) {
                current = e.getKey();
                currentLine = op.line();
                currentColumns = op.columns();
                throw error(this, Explain.cannotSucceed(this, op));
            }
        }
    }

    /** The call families (functions called from one call site together): one function pointer type each, for the rtyper. */
    public java.util.Collection<CallFamily> callFamilies() {
        return bookkeeper.families();
    }

    /** Every graph annotated, in discovery order. */
    public List<FunctionGraph> graphs() {
        return bookkeeper.allGraphs.stream().filter(g -> reached.contains(g.startblock)).toList();
    }

    /** Whether any flow entered {@code block} (PyPy's {@code annotator.annotated}): pictures grey the others. */
    public boolean reached(Block block) {
        return reached.contains(block);
    }

    /**
     * Whether values ever flowed along {@code link}. A link out of a reached block is never
     * followed when it is the other branch of a test whose value is known, or when a value it
     * passes cannot exist (the result of a call that always raises): its target may be reached
     * through other links, but not with this link's values, so the rtyper must not convert
     * them (fuzz seeds 910471 and 911096).
     */
    public boolean followed(Link link) {
        return followed.contains(link);
    }

    /** The translation this annotator works for: its host interpreter knows the builtin classes. */
    public TranslationContext translator() {
        return bookkeeper.translator;
    }

    public Collection<ClassDef> classdefs() {
        return bookkeeper.classdefs.values();
    }

    /** The name to show for a graph: its function's, plus the key of a specialised copy. */
    public String displayName(FunctionGraph g) {
        return bookkeeper.displayNames.getOrDefault(g, g.name);
    }

    public SomeValue binding(Value v) {
        return switch (v) {
            case Variable var -> bindings.getOrDefault(var, SomeValue.IMPOSSIBLE);
            case Constant c -> bookkeeper.immutablevalue(c.value(), this);
        };
    }

    public SomeValue returnAnnotation(FunctionGraph g) {
        return binding(g.returnblock.inputargs.getFirst());
    }

    void reflow(Collection<Position> positions) {
        for (Position p : positions) {
            schedule(p);
        }
    }

    private void schedule(Position p) {
        if (queued.add(p)) {
            pending.add(p);
        }
    }

    /** Merges {@code cells} into the input of {@code block}; schedules it if anything widened. */
    void addpendingblock(FunctionGraph g, Block block, List<SomeValue> cells, List<Variable> names) {
        boolean changed = reached.add(block);
        if (block == g.startblock && names == null) {
            checkArguments(g, cells);
        }
        for (int i = 0; i < cells.size(); i++) {
            Variable a = block.inputargs.get(i);
            SomeValue old = bindings.getOrDefault(a, SomeValue.IMPOSSIBLE);
            SomeValue u = union(old, cells.get(i));
            if (u instanceof SomeObject) {
                // the name the value has at the join point; else the name it had where it came from
                String who = a.localName() != null ? "variable '" + a.localName() + "'"
                        : names != null && names.get(i) != null && names.get(i).localName() != null
                        ? "variable '" + names.get(i).localName() + "'" : "a value";
                if (block == g.returnblock) {
                    String extra = cells.get(i) instanceof SomeNone || old instanceof SomeNone
                            ? ": " + Describe.article(old instanceof SomeNone ? cells.get(i) : old)
                              + " cannot be None in RPy" : ": one function returns one type in RPy";
                    throw error(this, "function '" + g.name + "' returns " + Describe.article(old)
                            + " and also " + Describe.article(cells.get(i)) + extra);
                }
                throw error(this, who + " is " + Describe.article(old) + " on one path and "
                        + Describe.article(cells.get(i)) + " on another: " + whyNot(old, cells.get(i)));
            }
            if (!u.equals(old)) {
                if (annotatingHelper && fixed.contains(block)) {
                    throw error(this, "a low-level helper makes " + (a.localName() != null ? "variable '"
                            + a.localName() + "'" : "a value") + " of function '" + g.name + "' "
                            + widened(old, u) + ", after the rtyper may have translated it: a helper must call functions "
                            + "with the types they already have");
                }
                bindings.put(a, u);
                changed = true;
            }
        }
        if (changed && block != g.returnblock && block != g.exceptblock) {
            schedule(new Position(g, block));
        }
        if (block == g.returnblock && changed) {
            reflow(bookkeeper.callers.getOrDefault(g, Set.of()));
        }
    }

    /** "a str, where it was a char"; the annotations themselves where the words are the same ("an int", nonneg or not). */
    private static String widened(SomeValue old, SomeValue u) {
        String was = Describe.article(old);
        String is = Describe.article(u);
        return is.equals(was) ? is + " (" + u + "), where it was " + was + " (" + old + ")" : is + ", where it was " + was;
    }

    /** Why two annotations cannot meet, in the words a student can act on. */
    private static String whyNot(SomeValue a, SomeValue b) {
        SomeValue other = a instanceof SomeNone ? b : b instanceof SomeNone ? a : null;
        if (other instanceof SomeInteger || other instanceof SomeBool || other instanceof SomeFloat) {
            return Describe.article(other) + " cannot be None in RPy (a machine word has no room for it: "
                    + "use a value the program never computes, such as -1, to mean 'none yet')";
        }
        return "a variable has one type in RPy";
    }

    /** A function called with two types for one parameter: say so in the caller's terms. */
    private void checkArguments(FunctionGraph g, List<SomeValue> cells) {
        for (int i = 0; i < cells.size(); i++) {
            SomeValue old = bindings.getOrDefault(g.startblock.inputargs.get(i), SomeValue.IMPOSSIBLE);
            if (union(old, cells.get(i)) instanceof SomeObject) {
                String param = g.code != null && i < g.code.varnames().size() ? g.code.varnames().get(i) : "#" + i;
                throw error(this, "function '" + g.name + "' gets " + Describe.article(cells.get(i))
                        + " for its argument '" + param + "' here, but " + Describe.article(old)
                        + " elsewhere: an argument has one type in RPy (or make one copy per type "
                        + "with @specialize.argtype)");
            }
        }
    }

    private void passArgs(FunctionGraph g, List<SomeValue> args, String name) {
        int n = g.startblock.inputargs.size();
        if (args.size() != n) {
            throw error(this, "function '" + name + "' takes " + n + " argument" + (n == 1 ? "" : "s")
                    + " but is called with " + args.size());
        }
        addpendingblock(g, g.startblock, args, null);
    }

    private void flowin(Position p) {
        current = p;
        Block block = p.block();
        for (SpaceOperation op : block.operations) {
            currentOp = op;
            currentLine = op.line();
            currentColumns = op.columns();
            SomeValue s = consider(op);
            if (s instanceof SomeImpossibleValue) {
                blocked.put(p, op);
                // a callee's result is not known yet (or it never returns): this block re-flows
                // when it is; but if the operation can raise here, its handlers are reachable now
                if (block.canRaise() && op == block.operations.getLast()) {
                    followExits(p, null, true);
                }
                return;
            }
            if (s instanceof SomeObject) {
                throw error(this, Explain.untypable(this, op));
            }
            SomeValue old = bindings.getOrDefault(op.result(), SomeValue.IMPOSSIBLE);
            // a bool's knowntypedata is about this flow's inputs: keep the fresh one, not a join
            bindings.put(op.result(), s instanceof SomeBool ? s : union(old, s));
        }
        blocked.remove(p);
        followExits(p, block.exitswitch instanceof Variable v ? binding(v) : null, false);
    }

    /**
     * The source lines of each annotated graph that no execution can reach: blocks the
     * annotator never entered, and what follows a call that never returns. A line that also
     * has reachable operations (a loop header, say) is not listed.
     */
    public Map<FunctionGraph, SortedSet<Integer>> neverReached() {
        Map<FunctionGraph, SortedSet<Integer>> out = new LinkedHashMap<>();
        for (FunctionGraph g : graphs()) {
            SortedSet<Integer> dead = new TreeSet<>();
            Set<Integer> live = new HashSet<>();
            for (Block b : g.iterblocks()) {
                SpaceOperation stop = blocked.get(new Position(g, b));
                boolean alive = reached.contains(b);
                for (SpaceOperation op : b.operations) {
                    (alive ? live : dead).add(op.line());
                    if (op == stop) {
                        alive = false;
                    }
                }
            }
            dead.removeAll(live);
            dead.remove(0);
            if (!dead.isEmpty()) {
                out.put(g, dead);
            }
        }
        return out;
    }

    /** Whether {@code link} is the other branch of a switch whose value {@code sw} is known (a constant condition). */
    private static boolean neverTaken(SomeValue sw, Link link) {
        return sw != null && link.exitcase instanceof PyBool b && sw.konst() instanceof PyInt k
                && (k.longValue() != 0) != (b == PyBool.TRUE);
    }

    private void followExits(Position p, SomeValue sw, boolean onlyExceptions) {
        for (Link link : p.block().exits) {
            if (onlyExceptions && !link.isException()) {
                continue;
            }
            if (neverTaken(sw, link)) {
                continue;
            }
            List<SomeValue> cells = new ArrayList<>();
            List<Variable> names = new ArrayList<>();
            for (Value a : link.args) {
                if (link.isException() && a == link.lastException) {
                    cells.add(bookkeeper.typeOf(this, bookkeeper.classdef((PyType) link.exitcase)));
                } else if (link.isException() && a == link.lastExcValue) {
                    cells.add(new SomeInstance(bookkeeper.classdef((PyType) link.exitcase), false));
                } else {
                    cells.add(narrowed(sw, link.exitcase, a));
                }
                names.add(a instanceof Variable v ? v : null);
            }
            renameKnownTypeData(link, cells);
            if (cells.contains(SomeValue.IMPOSSIBLE)) {
                continue;   // a value that cannot exist on this link: the link is never taken
            }
            followed.add(link);
            if (link.line > 0) {
                currentLine = link.line;   // a conflict at the target is reported at the jump or return
                currentColumns = Code.NO_COLUMNS;
            }
            addpendingblock(p.graph(), link.target, cells, names);
        }
    }

    /**
     * A bool that crosses a link keeps what it proves, about the target's names for the
     * variables: {@code isinstance(p, C)} inside a {@code try} ends its block (the call may
     * raise), and the {@code if} that tests it is in the next block, where {@code p} has
     * another name.
     */
    private static void renameKnownTypeData(Link link, List<SomeValue> cells) {
        Map<Variable, List<Variable>> renaming = null;
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i) instanceof SomeBool b && b.knowntypedata() != null) {
                if (renaming == null) {
                    renaming = new HashMap<>();
                    for (int j = 0; j < link.args.size(); j++) {
                        if (link.args.get(j) instanceof Variable v) {
                            renaming.computeIfAbsent(v, x -> new ArrayList<>()).add(link.target.inputargs.get(j));
                        }
                    }
                }
                cells.set(i, new SomeBool(b.konst(), b.knowntypedata().renamed(renaming)));
            }
        }
    }

    /** The annotation of {@code a} on the link taken when the exitswitch is {@code exitcase}. */
    private SomeValue narrowed(SomeValue sw, Object exitcase, Value a) {
        if (sw instanceof SomeBool b && b.knowntypedata() != null && exitcase instanceof PyBool c
                && a instanceof Variable v) {
            SomeValue k = (c == PyBool.TRUE ? b.knowntypedata().ifTrue() : b.knowntypedata().ifFalse()).get(v);
            if (k != null) {
                return k;
            }
        }
        return binding(a);
    }

    private String describeArgs(SpaceOperation op) {
        StringJoiner j = new StringJoiner(" and ");
        for (Value v : op.args()) {
            j.add(Describe.article(binding(v)));
        }
        return j.toString();
    }

    /** The annotation of an operation's result, given its arguments' (pattern matching on the pair). */
    SomeValue consider(SpaceOperation op) {
        List<SomeValue> a = new ArrayList<>();
        for (Value v : op.args()) {
            a.add(binding(v));
        }
        return Operations.consider(this, op, a);
    }

    /** Calls every description in {@code fn} with {@code args}; the union of their results. */
    SomeValue call(SomeValue fn, List<SomeValue> args) {
        return callWithKeywords(fn, args, List.of());
    }

    /**
     * A call whose last {@code keywords.size()} arguments are passed by keyword ({@code call_args}).
     * Every function a call site may call joins one call family (one signature); a builtin takes
     * the few keywords RPy allows it ({@link BuiltinArguments#keywords}).
     */
    SomeValue callWithKeywords(SomeValue fn, List<SomeValue> args, List<String> keywords) {
        return switch (fn) {
            case SomePBC p -> {
                Set<Desc.FunctionDesc> fs = new HashSet<>();
                for (Desc d : p.descs()) {
                    if (d instanceof Desc.FunctionDesc f) {
                        fs.add(f);
                    }
                }
                if (fs.size() > 1) {
                    bookkeeper.unify(fs);
                }
                SomeValue r = SomeValue.IMPOSSIBLE;
                for (Desc d : p.descs()) {
                    r = union(r, callDesc(d, args, keywords));
                }
                yield r;
            }
            case SomeBuiltin b -> Builtins.call(this, b, BuiltinArguments.keywords(this, b.name(), args, keywords));
            default -> new SomeObject();
        };
    }

    /**
     * The graph that the call operation {@code site} runs when it calls {@code f}: the specialised
     * copy the annotator chose there, if any. For a call from outside the graphs ({@code site}
     * null: the entry point), f's own graph. Null when the annotator never saw that call reach f.
     * What the rtyper will turn into a direct call, and what the soundness check runs.
     */
    public FunctionGraph calledGraph(SpaceOperation site, PyFunction f) {
        if (site == null) {
            return bookkeeper.graphs.get((Desc.FunctionDesc) bookkeeper.desc(f));
        }
        return bookkeeper.calledGraphs.getOrDefault(site, Map.of()).get(f);
    }

    /**
     * True for the functions the annotator types without a graph of theirs: the JIT hints (no-ops
     * for the program's types) and {@code @specialize.memo()} functions (the translator runs them).
     */
    public boolean typedWithoutGraph(PyFunction f) {
        return isJitHint(f) || Memo.isMemo((Desc.FunctionDesc) bookkeeper.desc(f));
    }

    /**
     * A function of {@code rpython.rlib.jit} (a hint, or a method of {@code JitDriver}): typed by
     * {@link JitHints} without a graph; the rtyper turns its calls into the JIT's markers.
     */
    public static boolean isJitHint(PyFunction f) {
        return f.globals().getStr("__name__") instanceof PyStr mod && mod.value().equals("rpython.rlib.jit");
    }

    private SomeValue callDesc(Desc d, List<SomeValue> args, List<String> keywords) {
        return switch (d) {
            case Desc.FunctionDesc f -> callFunction(f, args, keywords);
            case Desc.MethodDesc m -> callFunction(m.func(), withSelf(new SomeInstance(m.selfClass(), false), args), keywords);
            case Desc.ClassDesc c when c.pyobj().name().equals("r_uint") -> new SomeInteger(false, true, null);
            case Desc.ClassDesc c when c.pyobj().isBuiltin() && Builtins.TYPES.contains(c.pyobj().name()) ->
                    Builtins.call(this, new SomeBuiltin(c.pyobj().name(), null), args);
            case Desc.ClassDesc c -> {
                ClassDef cd = bookkeeper.classdef(c.pyobj());
                SomeValue inst = new SomeInstance(cd, false);
                if (c.pyobj().lookup("__init__") instanceof PyFunction init) {
                    callFunction((Desc.FunctionDesc) bookkeeper.desc(init), withSelf(inst, args), keywords);
                }
                yield inst;
            }
            case Desc.FrozenDesc f -> new SomeObject();
        };
    }

    private static List<SomeValue> withSelf(SomeValue self, List<SomeValue> args) {
        List<SomeValue> all = new ArrayList<>();
        all.add(self);
        all.addAll(args);
        return all;
    }

    private SomeValue callFunction(Desc.FunctionDesc f, List<SomeValue> args, List<String> keywords) {
        if (isJitHint(f.pyobj())) {
            return JitHints.call(f.name(), args);
        }
        List<SomeValue> full = Arguments.bind(this, f.pyobj(), args, keywords);
        if (Memo.isMemo(f)) {
            return Memo.call(this, f, full);
        }
        // PyPy's low-level policy: what a helper calls is specialised by argument types too
        boolean lowLevel = bookkeeper.isLowLevel(current.graph());
        if (lowLevel) {
            full = Bookkeeper.lowLevelArguments(full);
        }
        FunctionGraph g = lowLevel ? bookkeeper.lowLevelGraph(f, full) : bookkeeper.graphFor(f, full);
        bookkeeper.calledGraphs.computeIfAbsent(currentOp, k -> new HashMap<>()).put(f.pyobj(), g);
        bookkeeper.callers.computeIfAbsent(g, k -> new LinkedHashSet<>()).add(current);
        if (!bookkeeper.calledFrom.containsKey(g)) {
            bookkeeper.calledFrom.put(g, "called from " + current.graph().name + " at line " + currentLine);
            bookkeeper.parent.put(g, current.graph());
        }
        passArgs(g, full, f.name());
        for (Desc.FunctionDesc other : bookkeeper.family(f).members) {
            FunctionGraph og = bookkeeper.graph(other);
            if (other != f && og.startblock.inputargs.size() == full.size()) {
                passArgs(og, full, other.name());   // one family, one signature
            }
        }
        return returnAnnotation(g);
    }

    /** Records a read of an attribute, to report at the end if it is never assigned. */
    SomeValue readAttr(ListItem item, String message) {
        attrReads.putIfAbsent(item.find(), new AttrRead(message, currentLine, currentColumns));
        return item.read(this);
    }

    SourceFile sourceOf(FunctionGraph g) {
        FunctionGraph gg = g != null ? g : current != null ? current.graph() : null;
        return gg == null || gg.code == null ? null : gg.code.source();
    }

    public static AnnotatorError error(Annotator ann, String message) {
        if (ann == null) {
            return new AnnotatorError(message, null, 0, List.of());
        }
        List<String> chain = new ArrayList<>();
        FunctionGraph g = ann.current == null ? null : ann.current.graph();
        chain.add("in function " + (g == null ? "?" : g.name));
        for (int guard = 0; g != null && guard < 50; guard++) {
            String from = ann.bookkeeper.calledFrom.get(g);
            if (from != null) {
                chain.add(from);
            }
            g = ann.bookkeeper.parent.get(g);
        }
        return new AnnotatorError(message, ann.sourceOf(null), ann.currentLine, chain, ann.currentColumns);
    }

    public int currentLine() {
        return currentLine;
    }
}
