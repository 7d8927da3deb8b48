package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.image.FunctionRef;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.memory.MappedImage;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The llinterp: runs a program's low-level graphs over the native heap, PyPy's
 * {@code rpython/rtyper/llinterp.py}. It is the oracle of everything after the rtyper: a
 * program must print the same here as in the host interpreter, and the GC transformer's and
 * the x86 backend's output the same as here. Since it runs whole programs, it is built for
 * speed: each graph is compiled once, on its first call, into slots and instructions (see
 * {@link GraphCompiler}), and values are machine words, the same bytes the native code will
 * have, in the same memory layout.
 *
 * <pre>{@code
 * try (Heap heap = Heap.checked()) {
 *     var interp = new LLInterpreter(program, heap, System.out);
 *     Object r = interp.call(fib, 25L);             // 75025L, or throws LLException
 *     Outcome o = interp.runEntry(argv);            // Exited(0), or Uncaught(report)
 * }
 * }</pre>
 *
 * <p><b>The conventions of a low-level graph</b>, which the rtyper follows and this class
 * relies on:
 * <ul>
 *   <li>Every variable has a low-level type ({@link LowLevelGraph#typeOf}); every constant is
 *       an {@link LLConstant}: a {@code Long} for {@code Signed} and {@code Unsigned}, a
 *       {@code Double}, a {@code Boolean}, a {@code Character} 0..255, a pointer as a
 *       {@link Prebuilt} object of the image or null, a function pointer as the
 *       {@link LowLevelGraph} it points to, and for {@code Void} a translation-time value (a
 *       field name, a type, a text).</li>
 *   <li>Memory, as PyPy spells it: {@code malloc(Void T)}, {@code malloc_varsize(Void T, n)};
 *       {@code getfield(p, 'name')}, {@code setfield(p, 'name', v)}; {@code getarrayitem(p, i)},
 *       {@code setarrayitem(p, i, v)}, {@code getarraysize(p)}; {@code getsubstruct(p, 'name')}
 *       and {@code getarraysubstruct(p, i)}, pointers to inlined parts;
 *       {@code getinteriorfield(p, 'chars', i)}, {@code setinteriorfield(p, 'chars', i, v)},
 *       {@code getinteriorarraysize(p, 'chars')}, with any path of names and at most one
 *       run-time index; {@code cast_pointer(p)} to the result's type; {@code ptr_eq},
 *       {@code ptr_ne}, {@code ptr_iszero}, {@code ptr_nonzero}. Truth values are 0 and 1.</li>
 *   <li>Calls: {@code direct_call(f, args...)} with {@code f} a function constant;
 *       {@code indirect_call(p, args..., graphs)} with {@code p} a function pointer and
 *       {@code graphs} a {@code Void} list of the graphs it may be (or null). A function pointer
 *       at run time is the address of its function ({@link #addressOf(LowLevelGraph)}): a word
 *       like any other, in vtables too, where mapping the image puts it.</li>
 *   <li>Exceptions: an operation that can raise and ends a block whose exitswitch is
 *       {@code last_exception} is covered by the block's exception links (exits 1..n), whose
 *       case is the vtable constant of an exception class; a raised class matches through
 *       {@code ExceptionData.isSubclass}, and the link binds its {@code last_exception} and
 *       {@code last_exc_value} variables to the vtable and the instance. A graph raises by
 *       reaching its except block with those two. The {@code _ovf} operations raise the
 *       prebuilt {@code OverflowError}.</li>
 *   <li>After the exception transform ({@code transform.ExceptionTransform}) there are no
 *       exception links: the program's {@code ExceptionData.pendingException()} is the
 *       {@code exc_data} struct a raising graph fills before returning, read here once the
 *       outermost call returns ({@link PendingException}); {@code stack_check()} leaves
 *       {@code RecursionError} pending, and {@code debug_start_traceback},
 *       {@code debug_record_traceback} and {@code debug_reraise_traceback} (each of the
 *       exception instance) record where it went, for the report.</li>
 *   <li>{@code debug_print(Void sep, Void end, values...)} prints as Python's {@code print};
 *       {@code debug_assert(cond, Void message)} stops the program when false; exit switches
 *       are {@code Bool} variables choosing between {@code False} and {@code True} links.</li>
 * </ul>
 *
 * <p>What is wrong in a graph (an unknown operation, an operand of the wrong type) is reported
 * when the graph is compiled; what goes wrong at run time and no correct program does
 * (undefined behaviour, a bad access in the checked heap, a false assertion) is an
 * {@link LLFatalError}; a recursion deeper than {@value CallStack#MAX_DEPTH} calls raises the
 * program's {@code RecursionError} (fatal too in a program without that class). The heap may be
 * {@link Heap#fast()} or {@link Heap#checked()}; the interpreter is the same.
 */
public final class LLInterpreter {

    private final LowLevelProgram program;
    private final PrintStream out;
    private final SystemCalls system;
    private final CallStack stack = new CallStack();
    private final FunctionTable functions;
    private final MappedImage image;
    private final Exceptions exceptions;
    private final GraphCompiler compiler;
    private final Heap heap;
    /** The pending exception of an exception-transformed program; null while graphs have exception links. */
    private final PendingException pending;

    /**
     * Prepares {@code program} to run in {@code heap}, writing its output to {@code out}: maps
     * its image (function pointers in it become the addresses of the graphs they name). Graphs
     * are compiled when first called.
     */
    public LLInterpreter(LowLevelProgram program, Heap heap, PrintStream out) {
        this(program, heap, out, SystemCalls.of(out));
    }

    /**
     * The same, with the process its system calls act on: its working directory and streams
     * ({@code out} must be its standard output, where {@code print} writes too).
     */
    public LLInterpreter(LowLevelProgram program, Heap heap, PrintStream out, SystemCalls system) {
        this.program = program;
        this.out = out;
        this.system = system;
        this.heap = heap;
        this.functions = new FunctionTable(this::compile, stack);
        program.graphs().forEach(functions::of);
        Map<String, LowLevelGraph> byName = program.byName();
        this.image = heap.map(program.image(), ref -> functions.of(named(byName, ref)).address());
        this.exceptions = new Exceptions(program.exceptions(), heap, image);
        stack.raiseOnOverflow(exceptions::recursionError);
        Prebuilt excData = program.exceptions().pendingException();
        TracebackRing ring = new TracebackRing();
        this.pending = excData == null ? null : new PendingException(heap, image, excData, stack, ring);
        if (pending != null) {
            stack.raisePending(pending);
        }
        this.compiler = new GraphCompiler(heap, functions, exceptions, pending, ring, out, system, this::word);
    }

    /**
     * Calls {@code graph} with Java values as {@link LLConstant} holds them (a pointer may also
     * be an address, a {@code Long}, as this method returns it) and returns its result: a
     * {@code Long}, {@code Double}, {@code Boolean}, {@code Character}, a pointer's address as a
     * {@code Long}, or null for {@code Void}.
     *
     * @throws LLException the RPy exception the graph raised
     * @throws LLFatalError the program did something no correct program does
     */
    public Object call(LowLevelGraph graph, Object... args) {
        FuncType type = graph.signature();
        if (args.length != type.args().size()) {
            throw new IllegalArgumentException(graph.name() + " takes " + type.args().size() + " arguments, not " + args.length);
        }
        long[] words = new long[args.length];
        int[] slots = new int[args.length];
        for (int k = 0; k < args.length; k++) {
            words[k] = word(args[k], type.args().get(k));
            slots[k] = k;
        }
        LLFunction function = functions.of(graph);
        try {
            long result = stack.onBigStack(() -> function.invoke(words, slots));
            if (pending != null && pending.isSet()) {
                throw pending.take();   // the transformed graph returned its error value, the exception pending
            }
            return Word.of(type.result()).toJava(result);
        } catch (LLException | LLFatalError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LLFatalError(e.getMessage(), e);
        } finally {
            out.flush();
            if (graph == program.entry()) {
                system.closeAll();
            }
        }
    }

    /**
     * Runs the program's entry point with {@code args} (part 1 of the rtyper has no strings yet,
     * so no {@code argv}; the caller passes what the entry takes): its {@code Signed} result is
     * the exit status, or an exception escaping it gives status 1 and its report.
     */
    public Outcome runEntry(Object... args) {
        LowLevelGraph entry = program.entry();
        // Void: an entry point every path of which raises, so it never returns a status
        if (entry.signature().result() != Primitive.SIGNED && entry.signature().result() != Primitive.VOID) {
            throw new IllegalArgumentException("the entry point " + entry.name() + " returns a " + entry.signature().result()
                    + ", not the Signed exit status");
        }
        try {
            return new Outcome.Exited(call(entry, args) instanceof Long status ? (int) (long) status : 0);
        } catch (LLException e) {
            return new Outcome.Uncaught(report(e));
        }
    }

    /**
     * Runs the program's {@code entry_point(argv)}: {@code argv} is built in the heap, a list of
     * strings as the rtyper represents it for this program ({@link Argv}). An entry that takes
     * {@code (Signed, Address)} is a process's {@code main(argc, argv)} (stage 04's, which builds
     * the list itself): it gets what a process starts with, raw zero-terminated strings.
     */
    public Outcome runMain(List<String> argv) {
        FuncType type = program.entry().signature();
        if (type.args().equals(List.of(Primitive.SIGNED, Primitive.ADDRESS))) {
            return runEntry((long) argv.size(), Argv.raw(heap, argv));
        }
        if (type.args().size() != 1) {
            throw new IllegalArgumentException("the entry point " + program.entry().name() + " takes "
                    + type.args().size() + " arguments, not argv");
        }
        return runEntry(Argv.build(heap, type.args().getFirst(), argv));
    }

    /** What Python prints for an uncaught exception: the traceback, then {@code Name: message}. */
    public String report(LLException e) {
        return e.traceback() + exceptions.describe(e) + "\n";
    }

    /** Where the image put a prebuilt object: the value of a constant pointer to it. */
    public long addressOf(Prebuilt object) {
        return image.addressOf(object);
    }

    /** The address of a function: the value of a function pointer to it. */
    public long addressOf(LowLevelGraph graph) {
        return functions.of(graph).address();
    }

    /** Compiles a graph the first time it is called (its callers make the function table first). */
    private GraphCode compile(LowLevelGraph graph) {
        return compiler.compile(graph);
    }

    /** The run-time word of a constant (what a frame slot holds). */
    private long word(LLConstant k) {
        return word(k.value(), k.type());
    }

    private long word(Object value, LowLevelType type) {
        if (type == Primitive.VOID) {
            return 0;
        }
        Word w = Word.of(type);
        return switch (value) {
            case Prebuilt p when w == Word.PTR -> image.addressOf(p);
            case LowLevelGraph g when w == Word.PTR -> functions.of(g).address();
            case null, default -> w.bits(value);
        };
    }

    private static LowLevelGraph named(Map<String, LowLevelGraph> byName, FunctionRef ref) {
        LowLevelGraph g = byName.get(ref.name());
        if (g == null) {
            throw new IllegalArgumentException("the image points to a function " + ref.name() + " that is not in the program");
        }
        return g;
    }
}
