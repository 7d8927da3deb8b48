package dev.taipan.rtyper.llannotation;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyExtensionObject;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Primitive;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The low level as RPy code imports it, under PyPy's module names:
 * <pre>
 * from rpython.rtyper.lltypesystem.lltype import Signed, Ptr, GcStruct, GcArray, malloc, nullptr
 * from rpython.rtyper.lltypesystem.lloperation import llop
 * </pre>
 * {@code lltype} holds the primitive types, the type constructors and {@code malloc}/
 * {@code nullptr} ({@link LLBuiltin}); {@code lloperation} holds {@code llop}, whose attributes
 * are the operations of the catalogue ({@link LLOpCall}). They are extension modules of one
 * host interpreter ({@link HostInterpreter#addExtensionModule}), installed by the rtyper in the
 * interpreter its program was imported by, before it imports its helper files; a test may
 * install them in any interpreter, to run helpers on the host.
 */
public final class LLTypeModule {
    private LLTypeModule() { }

    public static final String LLTYPE = "rpython.rtyper.lltypesystem.lltype";
    public static final String LLOPERATION = "rpython.rtyper.lltypesystem.lloperation";

    /**
     * Makes both modules importable in {@code host}, and those of the later stages on the class
     * path ({@link LowLevelExtension#modules}: stage 04's {@code llmemory}); nothing happens for
     * a module that already is.
     */
    public static void install(HostInterpreter host) {
        host.addExtensionModule(LLTYPE, LLTypeModule::lltype);
        host.addExtensionModule(LLOPERATION, () -> Map.of("llop", new LLOpNamespace()));
        for (LowLevelExtension e : LowLevelExtension.all()) {
            e.modules().forEach(host::addExtensionModule);
        }
    }

    private static Map<String, PyObject> lltype() {
        Map<String, PyObject> m = new LinkedHashMap<>();
        for (Primitive p : Primitive.values()) {
            m.put(p.toString(), new LowLevelTypeObject(p));
        }
        m.put("STR", new LowLevelTypeObject(dev.taipan.rtyper.lltype.Strings.STR));   // the string of the rtyper itself
        for (LLBuiltin f : LLBuiltin.values()) {
            m.put(f.pyName(), new LLHostFunction(f));
        }
        return m;
    }

    /**
     * PyPy's {@code llop}: {@code llop.int_add} is the operation {@code int_add}. Frozen, so
     * that the flow space reads {@code llop.int_add} as a constant; one object per operation,
     * so that every read of it is the same constant.
     */
    private static final class LLOpNamespace extends PyExtensionObject {
        private static final PyType TYPE = PyExtensionObject.newType("llop");

        private final Map<LLOp, LLHostFunction> operations = new EnumMap<>(LLOp.class);

        @Override
        public PyType type() {
            return TYPE;
        }

        @Override
        public String pyRepr() {
            return "<llop>";
        }

        @Override
        public PyObject attribute(String name) {
            LLOp op;
            try {
                op = LLOp.named(name);
            } catch (IllegalArgumentException e) {
                return null;   // AttributeError, as for any missing attribute
            }
            return operations.computeIfAbsent(op, o -> new LLHostFunction(new LLOpCall(o)));
        }

        @Override
        public boolean isFrozen() {
            return true;
        }
    }
}
