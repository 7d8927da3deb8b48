package dev.taipan.rtyper.rtyper;

import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import java.util.List;

/**
 * How the values of one annotation are represented at the low level (PyPy's {@code Repr}): a
 * low-level type, and how a host constant of that annotation becomes a low-level constant. The
 * RTyper picks one repr per annotation ({@link RTyper#reprOf}); the rules for operations
 * ({@link Rules}) choose low-level operations by the reprs of their arguments.
 *
 * <p>This part has the reprs of numbers, of values known at translation time, of instances,
 * classes and bound methods (PyPy's {@code rclass}, see {@link ClassRepr}), of strings, lists,
 * ranges, tuples and their iterators ({@link Sequences}), and of the pointers the RPy helpers
 * hold; part 2 adds dicts, each one more record here.
 */
public sealed interface Repr {

    LowLevelType lowleveltype();

    /** A number, a bool or a char: one machine value of a primitive type. */
    record PrimitiveRepr(Primitive type) implements Repr {
        @Override
        public LowLevelType lowleveltype() {
            return type;
        }
    }

    /**
     * A value known at translation time, which the low-level program never stores: None, a
     * function called directly, a builtin function, the shape of a call with keywords
     * ({@code CallShape}). {@code Void}: it costs nothing at run time.
     */
    record ConstantRepr(Object value) implements Repr {
        @Override
        public LowLevelType lowleveltype() {
            return Primitive.VOID;
        }
    }

    /**
     * An instance of {@code cls} or of a subclass: a pointer to {@code cls}'s instance struct,
     * null where the annotation allows None.
     */
    record InstanceRepr(ClassRepr cls) implements Repr {
        @Override
        public LowLevelType lowleveltype() {
            return cls.instancePtr();
        }
    }

    /** A class known only at run time ({@code type(x)}, a raised exception's class): a pointer to its vtable. */
    record ClassRefRepr(ClassRepr cls) implements Repr {
        @Override
        public LowLevelType lowleveltype() {
            return cls.vtablePtr();
        }
    }

    /**
     * A bound method {@code x.name}, which the program only ever calls: its value is the
     * instance {@code x}, an instance of {@code cls}; the method is chosen at the call, from the
     * annotation's methods (one: a direct call; several: the vtable slot {@code name}).
     */
    record MethodRepr(ClassRepr cls, String name) implements Repr {
        @Override
        public LowLevelType lowleveltype() {
            return cls.instancePtr();
        }
    }

    /** A string: a pointer to an {@code rpy_string} ({@link Strings#STR}), null where None may flow. */
    record StrRepr() implements Repr {
        @Override
        public LowLevelType lowleveltype() {
            return Strings.PTR;
        }
    }

    /**
     * A list of {@code item}s. One the annotator saw resized is {@code Ptr(GcStruct list
     * {length, items: Ptr(GcArray)})}, its array over-allocated; one never resized is the
     * {@code Ptr(GcArray)} itself ({@link Sequences#listType}).
     */
    record ListRepr(Repr item, Ptr lowleveltype) implements Repr {
        public boolean resizable() {
            return lowleveltype.to() instanceof GcStruct;
        }
    }

    /** {@code range(start, stop, step)}: a {@code Ptr(GcStruct range {start, stop, step})}, never a real list. */
    record RangeRepr(Ptr lowleveltype) implements Repr { }

    /** A tuple: a pointer to an immutable {@code GcStruct tuple {item0, item1, ...}}. */
    record TupleRepr(List<Repr> items, Ptr lowleveltype) implements Repr { }

    /**
     * An iterator over a container of repr {@code container}, yielding {@code item}s: a pointer to
     * a small struct with the container and the position ({@code {seq, index}}; a range's
     * {@code {next, stop, step}}; a tuple's items copied into an array, {@code {items, index}}).
     */
    record IteratorRepr(Repr container, Repr item, Ptr lowleveltype) implements Repr { }

    /**
     * The iterator of {@code enumerate()}, {@code zip()} or {@code reversed()}
     * ({@link IteratorVariants}): a pointer to a struct holding the {@code inner} iterators it
     * walks ({@code {it, index}}, {@code {it0, it1, ...}}), or, reversed, an inner iterator walked
     * backwards.
     */
    record IteratorVariantRepr(dev.taipan.annotator.SomeValue.SomeIterator.Variant variant, List<Repr> inner, Repr item,
                               Ptr lowleveltype) implements Repr { }

    /**
     * A dict of {@code key}s to {@code value}s: a pointer to its {@code GcStruct dict}, an
     * ordered hash table ({@link DictRules}, {@code rpython/rtyper/rdict.py}).
     */
    record DictRepr(Repr key, Repr value, Ptr lowleveltype) implements Repr { }

    /**
     * One of several functions, known only at run time ({@code f = a if c else b}): a function
     * pointer; every function it may be has this one low-level signature.
     */
    record FunctionPtrRepr(Ptr lowleveltype) implements Repr { }

    /**
     * A pointer held by RPy helper code ({@code SomePtr}, PyPy's {@code PtrRepr}): the pointer
     * itself, nothing added. Its fields and items are read and written by {@link PtrRules}.
     */
    record PtrRepr(Ptr type) implements Repr {
        @Override
        public LowLevelType lowleveltype() {
            return type;
        }
    }

    /**
     * The array a struct inlines ({@code s.chars}), in a helper: its value is the struct's
     * pointer {@code parent}; its items are read with {@code getinteriorfield(s, field, i)}.
     */
    record InteriorPtrRepr(Ptr parent, String field) implements Repr {
        @Override
        public LowLevelType lowleveltype() {
            return parent;
        }
    }

    /**
     * A method of a str, list or dict read and called at once ({@code xs.append(x)}): its value
     * is the object {@code self} (of repr {@code self}); {@code name} ({@code "list.append"})
     * says which helper the call becomes ({@link MethodCalls}).
     */
    record BuiltinMethodRepr(Repr self, String name) implements Repr {
        @Override
        public LowLevelType lowleveltype() {
            return self.lowleveltype();
        }
    }

    /**
     * The values of an annotation a later stage contributes ({@link RTypedAnnotation}, stage
     * 04's {@code SomeAddress}): of the low-level type it says, its operations translated by it.
     */
    record ContributedRepr(RTypedAnnotation annotation) implements Repr {
        @Override
        public LowLevelType lowleveltype() {
            return annotation.lowleveltype();
        }
    }

    Repr SIGNED = new PrimitiveRepr(Primitive.SIGNED);
    Repr UNSIGNED = new PrimitiveRepr(Primitive.UNSIGNED);
    Repr FLOAT = new PrimitiveRepr(Primitive.FLOAT);
    Repr BOOL = new PrimitiveRepr(Primitive.BOOL);
    Repr CHAR = new PrimitiveRepr(Primitive.CHAR);
    Repr STR = new StrRepr();
}
