package dev.taipan.rtyper.llannotation;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.Describe;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeBool;
import dev.taipan.annotator.SomeValue.SomeInteger;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyTuple;
import dev.taipan.rtyper.lltype.Array;
import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Struct;
import dev.taipan.rtyper.lltype.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * The functions of the host module {@code lltype}, with PyPy's names. The type constructors
 * run at import time, when a helper file builds its types
 * ({@code POINT = GcStruct('POINT', ('x', Signed), ('y', Signed))}); translated code cannot
 * call them, since a program creates no types at run time. {@code malloc} and {@code nullptr}
 * are the other way round: they make pointers, which exist only at the low level (the llinterp
 * runs the helpers; the host has no pointers).
 */
public enum LLBuiltin implements LLFunction {
    PTR("Ptr"),
    GC_STRUCT("GcStruct"),
    STRUCT("Struct"),
    GC_ARRAY("GcArray"),
    ARRAY("Array"),
    /** {@code malloc(T)}, {@code malloc(T, n)}: a zero-filled GC object, n items long if T is var-sized. */
    MALLOC("malloc"),
    /** {@code nullptr(T)}: the null {@code Ptr(T)}. */
    NULLPTR("nullptr");

    private final String pyName;

    LLBuiltin(String pyName) {
        this.pyName = pyName;
    }

    @Override
    public String pyName() {
        return pyName;
    }

    @Override
    public PyObject callOnHost(PyObject[] args) {
        try {
            return switch (this) {
                case PTR -> type(new Ptr(container(args, 0)));
                case GC_STRUCT -> type(GcStruct.of(name(args), fields(args)));
                case STRUCT -> type(Struct.of(name(args), fields(args)));
                case GC_ARRAY -> type(new GcArray(lowLevelType(args, 0)));
                case ARRAY -> type(new Array(lowLevelType(args, 0)));
                case MALLOC, NULLPTR -> throw HostSpace.typeError("lltype." + pyName + "() makes a pointer, which exists "
                        + "only at the low level: run the helper translated (the llinterp), not on the host");
            };
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw HostSpace.typeError("lltype." + pyName + "(): " + e.getMessage());
        }
    }

    private static PyObject type(LowLevelType t) {
        return new LowLevelTypeObject(t);
    }

    private LowLevelType lowLevelType(PyObject[] args, int i) {
        if (i >= args.length || !(args[i] instanceof LowLevelTypeObject t)) {
            throw new IllegalArgumentException("argument " + (i + 1) + " must be a low-level type");
        }
        return t.lowLevelType();
    }

    private ContainerType container(PyObject[] args, int i) {
        if (!(lowLevelType(args, i) instanceof ContainerType c)) {
            throw new IllegalArgumentException("a pointer points to a struct or an array, not to " + args[i]);
        }
        return c;
    }

    private static String name(PyObject[] args) {
        if (args.length == 0 || !(args[0] instanceof PyStr s)) {
            throw new IllegalArgumentException("the first argument is the struct's name, a str");
        }
        return s.value();
    }

    /** The fields after the name, each a tuple {@code ('x', Signed)}. */
    private Field[] fields(PyObject[] args) {
        List<Field> fields = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (!(args[i] instanceof PyTuple t && t.size() == 2 && t.get(0) instanceof PyStr n
                    && t.get(1) instanceof LowLevelTypeObject type)) {
                throw new IllegalArgumentException("a field is a tuple (name, type), not " + HostSpace.repr(args[i]));
            }
            fields.add(new Field(n.value(), type.lowLevelType()));
        }
        return fields.toArray(new Field[0]);
    }

    @Override
    public SomeValue annotateCall(Annotator ann, List<SomeValue> args) {
        return switch (this) {
            case MALLOC -> malloc(ann, args);
            case NULLPTR -> {
                expect(ann, args.size() == 1, "nullptr(T) takes one argument, the type T");
                yield new SomePtr(new Ptr(constantContainer(ann, args.getFirst())));
            }
            default -> throw Annotator.error(ann, "lltype." + pyName + "() builds a type: call it at import time "
                    + "(at module level), since translated code creates no types");
        };
    }

    private SomeValue malloc(Annotator ann, List<SomeValue> args) {
        expect(ann, args.size() == 1 || args.size() == 2, "malloc() takes the type T, and its length if T is var-sized");
        ContainerType t = constantContainer(ann, args.getFirst());
        expect(ann, t.isGc(), "malloc() allocates in the GC heap: " + t + " is not a Gc type (raw memory is not in this part)");
        boolean varsize = t instanceof ArrayType || t instanceof StructType s && s.isVarsize();
        if (varsize != (args.size() == 2)) {
            throw Annotator.error(ann, varsize ? "malloc(" + t + ", n) needs the length n: its size is chosen when allocated"
                    : "malloc(" + t + ") takes no length: its size is fixed");
        }
        if (varsize) {
            SomeValue n = args.get(1);
            expect(ann, n instanceof SomeInteger i && !i.unsigned() || n instanceof SomeBool,
                    "the length of malloc(" + t + ", n) is an int, not " + Describe.article(n));
        }
        return new SomePtr(new Ptr(t));
    }

    private ContainerType constantContainer(Annotator ann, SomeValue s) {
        if (s.konst() instanceof LowLevelTypeObject t && t.lowLevelType() instanceof ContainerType c) {
            return c;
        }
        throw Annotator.error(ann, pyName + "() needs a struct or array type known at translation time, not "
                + Describe.article(s));
    }

    private static void expect(Annotator ann, boolean ok, String message) {
        if (!ok) {
            throw Annotator.error(ann, message);
        }
    }
}
