package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.annotator.Desc;
import dev.taipan.annotator.Desc.MethodDesc;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomePBC;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyTuple;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Strings;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import dev.taipan.rtyper.rtyper.Repr.ClassRefRepr;
import dev.taipan.rtyper.rtyper.Repr.ConstantRepr;
import dev.taipan.rtyper.rtyper.Repr.InstanceRepr;
import dev.taipan.rtyper.rtyper.Repr.MethodRepr;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations on instances and classes (PyPy's {@code rtype_*} methods of
 * {@code rclass.InstanceRepr} and {@code ClassRepr}). Every one reaches a field through a
 * {@code cast_pointer} to the class whose struct declares it, which costs nothing since a
 * subclass's struct starts with its parent's: {@code self.n} on a {@code Square} is
 * {@code getfield(cast_pointer(self) : Ptr(Shape), 'n')}. The class of an instance is its
 * {@code typeptr}; a class attribute or a method read through an instance is a field of that
 * vtable.
 */
final class InstanceRules {
    private InstanceRules() { }

    /**
     * {@code C(args)}: a zeroed instance, its typeptr set, the fields whose class gives them a
     * default ({@code count = 5}: an instance that never set its own reads it), then
     * {@code C.__init__(instance, args)}.
     */
    static Value instantiate(RTyper rtyper, HighLevelOp hop, PyType t) {
        ClassRepr c = rtyper.classes.of(t);
        Value p = allocate(rtyper, hop, c);
        ClassRepr root = rtyper.classes.root;
        for (ClassRepr owner = c; owner != root; owner = owner.parent) {
            for (var field : owner.fields.entrySet()) {
                if (t.lookup(field.getKey()) instanceof PyObject d && !(d instanceof PyFunction)
                        && field.getValue().lowleveltype() instanceof Primitive k && k != Primitive.VOID) {
                    hop.genop(SETFIELD, List.of(upcast(hop, p, c, owner), LLConstant.voidOf(field.getKey()),
                            LLConstant.of(RTyper.convertConst(d, k), k)), Primitive.VOID);
                }
            }
        }
        if (t.isBuiltin()) {
            message(rtyper, hop, c, p);
        } else if (t.lookup("__init__") instanceof PyFunction init) {
            rtyper.directCall(hop, init, new HighLevelOp.CallArg(p, new InstanceRepr(c)));
        } else if (c.isSubclassOf(rtyper.classes.builtin("BaseException"))) {
            message(rtyper, hop, c, p);   // an exception class of the program that keeps BaseException's __init__
        } else if (hop.nargs() > 1) {
            throw hop.error(t.name() + "() takes no arguments: the class has no __init__");
        }
        return p;
    }

    /** A zeroed instance of {@code c} with its typeptr set: the start of {@code C(...)}. */
    static Value allocate(RTyper rtyper, HighLevelOp hop, ClassRepr c) {
        Value p = hop.genop(MALLOC, List.of(LLConstant.voidOf(c.instance)), c.instancePtr());
        ClassRepr root = rtyper.classes.root;
        hop.genop(SETFIELD, List.of(upcast(hop, p, c, root), LLConstant.voidOf("typeptr"),
                LLConstant.of(c.vtablePrebuilt, root.vtablePtr())), Primitive.VOID);
        return p;
    }

    /** {@code p}, an instance of {@code c}, with the message {@code text}: {@code BaseException}'s field. */
    static void setMessage(RTyper rtyper, HighLevelOp hop, ClassRepr c, Value p, Value text) {
        ClassRepr base = rtyper.classes.builtin("BaseException");
        hop.genop(SETFIELD, List.of(upcast(hop, p, c, base), LLConstant.voidOf("message"), text), Primitive.VOID);
    }

    /** The message of an exception using BaseException's {@code __init__}: a constant string, or none. */
    private static void message(RTyper rtyper, HighLevelOp hop, ClassRepr c, Value p) {
        if (hop.nargs() == 1) {
            return;
        }
        // a helper's message is a pointer to the rtyper's own string: the same low-level value
        boolean helperString = hop.argReprs.get(1) instanceof Repr.PtrRepr(var t) && t.equals(Strings.PTR);
        if (hop.nargs() != 2 || !(hop.argReprs.get(1) instanceof ConstantRepr(PyStr s) || hop.argReprs.get(1) == Repr.STR
                || hop.argReprs.get(1) == Repr.CHAR || helperString)) {
            throw hop.error(c.name() + "(...) takes one string, its message, here");
        }
        // str() of a KeyError is the repr of its key, quotes and all: KeyError('k') prints as KeyError: 'k'
        Value message = helperString ? hop.arg(1)
                : c.isSubclassOf(rtyper.classes.builtin("KeyError")) ? StrRules.strOf(hop, hop.arg(1), hop.argReprs.get(1), true)
                : hop.inputarg(Repr.STR, 1);
        setMessage(rtyper, hop, c, p, message);
    }

    /** {@code p}, an instance of {@code from}, as a pointer to the struct of its base {@code to}. */
    private static Value upcast(HighLevelOp hop, Value p, ClassRepr from, ClassRepr to) {
        return from == to ? p : hop.genop(CAST_POINTER, List.of(p), to.instancePtr());
    }

    /** The vtable of instance {@code p} (of class {@code c}), as a pointer to {@code owner}'s part. */
    private static Value vtable(RTyper rtyper, HighLevelOp hop, Value p, ClassRepr c, ClassRepr owner) {
        ClassRepr root = rtyper.classes.root;
        Value t = hop.genop(GETFIELD, List.of(upcast(hop, p, c, root), LLConstant.voidOf("typeptr")), root.vtablePtr());
        return owner == root ? t : hop.genop(CAST_POINTER, List.of(t), owner.vtablePtr());
    }

    /** {@code x.name}: a value known now, a bound method (the instance itself), a field, or a vtable slot. */
    static Value getattr(RTyper rtyper, HighLevelOp hop) {
        String name = attrName(hop);
        if (hop.resultRepr instanceof ConstantRepr(var v)) {
            return LLConstant.voidOf(v);
        }
        if (!(hop.argReprs.getFirst() instanceof InstanceRepr(ClassRepr c))) {
            throw hop.error("reading '" + name + "' of " + hop.argReprs.getFirst().lowleveltype() + " has no low-level translation");
        }
        Value x = hop.arg(0);
        if (hop.resultRepr instanceof MethodRepr m) {
            return hop.convert(x, hop.argReprs.getFirst(), new InstanceRepr(m.cls()));
        }
        ClassRepr owner = c.fieldOwner(name);
        if (owner != null) {
            Repr field = owner.fields.get(name);
            Value v = hop.genop(GETFIELD, List.of(upcast(hop, x, c, owner), LLConstant.voidOf(name)), field.lowleveltype());
            return hop.convert(v, field, hop.resultRepr);
        }
        owner = c.slotOwner(name);
        if (owner == null) {
            throw hop.error("class attribute '" + name + "' of " + c.name() + " has no vtable slot: its value needs part 2");
        }
        LowLevelType slot = owner.slots.get(name);
        Value v = hop.genop(GETFIELD, List.of(vtable(rtyper, hop, x, c, owner), LLConstant.voidOf(name)), slot);
        return slot instanceof Primitive p ? hop.convert(v, new Repr.PrimitiveRepr(p), hop.resultRepr)
                : slot.equals(Strings.PTR) ? hop.convert(v, Repr.STR, hop.resultRepr) : v;
    }

    /** {@code x.name = v}: a field of the class that declares it; nothing for a Void field. */
    static Value setattr(RTyper rtyper, HighLevelOp hop) {
        String name = attrName(hop);
        if (!(hop.argReprs.getFirst() instanceof InstanceRepr(ClassRepr c)) || c.fieldOwner(name) == null) {
            throw hop.error("setting '" + name + "' on " + hop.argReprs.getFirst().lowleveltype() + " has no low-level translation");
        }
        ClassRepr owner = c.fieldOwner(name);
        Repr field = owner.fields.get(name);
        if (field.lowleveltype() != Primitive.VOID) {
            hop.genop(SETFIELD, List.of(upcast(hop, hop.arg(0), c, owner), LLConstant.voidOf(name), hop.inputarg(field, 2)),
                    Primitive.VOID);
        }
        return rtyper.none();
    }

    private static String attrName(HighLevelOp hop) {
        if (hop.spaceop.args().get(1) instanceof Constant k && k.value() instanceof PyStr s) {
            return s.value();
        }
        throw hop.error("an attribute name must be a constant");
    }

    /**
     * {@code x.m(args)}: one possible method is a {@code direct_call}; several (overrides in
     * subclasses) load the slot of x's vtable and {@code indirect_call} it, the graphs it may
     * reach listed as a last Void argument, as PyPy's {@code indirect_call} has them.
     */
    static Value callMethod(RTyper rtyper, HighLevelOp hop, MethodRepr m) {
        SomePBC pbc = (SomePBC) rtyper.annotation(hop.spaceop.args().getFirst());
        Value self = hop.arg(0);
        InstanceRepr selfRepr = new InstanceRepr(m.cls());
        List<PyFunction> candidates = pbc.descs().stream().map(d -> ((MethodDesc) d).func().pyobj()).distinct().toList();
        if (candidates.size() == 1) {
            // one function, maybe bound to several classes (super().__init__ in a class with
            // subclasses, fuzz seed 700003): the call needs no vtable
            return rtyper.directCall(hop, candidates.getFirst(), new HighLevelOp.CallArg(self, selfRepr));
        }
        ClassRepr owner = m.cls().slotOwner(m.name());
        if (owner == null || !(owner.slots.get(m.name()) instanceof Ptr fp && fp.to() instanceof FuncType ft)) {
            throw hop.error("method '" + m.name() + "' of " + m.cls().name() + " has no vtable slot");
        }
        Value fn = hop.genop(GETFIELD, List.of(vtable(rtyper, hop, self, m.cls(), owner), LLConstant.voidOf(m.name())), fp);
        return rtyper.indirectCall(hop, fn, ft, candidates, new HighLevelOp.CallArg(self, selfRepr));
    }

    /**
     * {@code str(x)} (or {@code repr(x)}) of an instance: a call of its class's {@code __str__}
     * (else {@code __repr__}), which the annotator annotated for this ({@code Printing}). One
     * implementation among the class and its subclasses is a {@code direct_call}; several are
     * called through the vtable slot {@link ClassTree#prepare} gives the method, as any method
     * overridden below the class of the variable is (PyPy's {@code rclass} does the same for
     * {@code __str__}/{@code __repr__} through {@code ll_str}).
     */
    static Value str(RTyper rtyper, HighLevelOp hop, Value x, InstanceRepr r, boolean asRepr) {
        ClassRepr c = r.cls();
        List<ClassRepr> family = rtyper.classes.all().stream().filter(k -> k.isSubclassOf(c)).toList();
        String name = !asRepr && defines(family, "__str__") ? "__str__" : defines(family, "__repr__") ? "__repr__" : null;
        if (name == null && !asRepr && c.isSubclassOf(rtyper.classes.builtin("BaseException"))) {
            // str(e) of an exception: the message it was made with (a KeyError's already quoted, see message())
            ClassRepr base = rtyper.classes.builtin("BaseException");
            Value message = hop.genop(GETFIELD, List.of(upcast(hop, x, c, base), LLConstant.voidOf("message")), Strings.PTR);
            return hop.gendirectcall(new Helper("rpython.rtyper.rstr", "ll_exception_str"), message);
        }
        if (name == null) {
            throw hop.error("str() of a " + c.name() + " instance, whose class has no __str__ or __repr__, has no "
                    + "low-level translation (its address would differ at every stage)");
        }
        if (name.equals("__str__") && family.stream().anyMatch(k -> !defines(List.of(k), "__str__") && defines(List.of(k), "__repr__"))) {
            throw hop.error("str() of a " + c.name() + " instance: some of its classes define __str__, others only __repr__ "
                    + "(which str() would call): mixing them has no low-level translation; give them all __str__, or use repr()");
        }
        List<PyFunction> impls = family.stream().map(k -> k.pytype.lookup(name)).filter(v -> v instanceof PyFunction)
                .map(v -> (PyFunction) v).distinct().toList();
        FuncType sig;
        Value s;
        if (impls.size() == 1) {
            LowLevelGraph g = rtyper.graphOf(impls.getFirst());
            sig = g.signature();
            s = hop.genop(DIRECT_CALL, List.of(LLConstant.of(g, new Ptr(sig)), self(hop, x, c, sig)), sig.result());
            if (sig.result() == Primitive.VOID && rtyper.annotation(rtyper.annotator().calledGraph(null, impls.getFirst())
                    .returnblock.inputargs.getFirst()).konst() instanceof PyStr text) {
                return LLConstant.of(rtyper.strings.of(text.value()), Strings.PTR);   // it returns a constant: a Void
            }
        } else {
            ClassRepr owner = c.slotOwner(name);
            if (owner == null || !(owner.slots.get(name) instanceof Ptr fp && fp.to() instanceof FuncType ft)) {
                throw hop.error(name + " of " + c.name() + " is overridden in its subclasses but has no vtable slot");
            }
            Value fn = hop.genop(GETFIELD, List.of(vtable(rtyper, hop, x, c, owner), LLConstant.voidOf(name)), fp);
            List<LowLevelGraph> graphs = impls.stream().map(rtyper::graphOf)
                    .sorted(java.util.Comparator.comparing(LowLevelGraph::name)).toList();
            sig = ft;
            s = hop.genop(INDIRECT_CALL, List.of(fn, self(hop, x, c, ft), LLConstant.voidOf(graphs)), ft.result());
        }
        return sig.result() == Primitive.CHAR ? hop.resultFrom(s, Repr.CHAR) : s;
    }

    /** x as the instance the method of signature {@code sig} takes (the class of its slot, or its own). */
    private static Value self(HighLevelOp hop, Value x, ClassRepr c, FuncType sig) {
        Ptr selfType = (Ptr) sig.args().getFirst();
        return selfType.equals(c.instancePtr()) ? x : hop.genop(CAST_POINTER, List.of(x), selfType);
    }

    private static boolean defines(List<ClassRepr> family, String name) {
        return family.stream().anyMatch(k -> k.pytype.lookup(name) instanceof PyFunction f
                && !(f.globals().getStr("__name__") instanceof PyStr m && m.value().equals("builtins")));
    }

    /** {@code type(x)}: x's typeptr, as a pointer to the vtable of the classes it may be; known now if only one. */
    static Value type(RTyper rtyper, HighLevelOp hop) {
        if (hop.resultRepr instanceof ConstantRepr(var k)) {
            return LLConstant.voidOf(k);
        }
        if (!(hop.argReprs.getFirst() instanceof InstanceRepr(ClassRepr c))) {
            throw hop.error("type() of " + hop.argReprs.getFirst().lowleveltype() + " has no low-level translation");
        }
        ClassRepr root = rtyper.classes.root;
        Value t = vtable(rtyper, hop, hop.arg(0), c, root);
        return hop.convert(t, new ClassRefRepr(root), hop.resultRepr);
    }

    /**
     * {@code isinstance(x, C)} (C a class or a tuple of classes). None is no instance, and has
     * no vtable to read: where x may be None, the check runs only on the path where it is not.
     */
    static Value isinstance(RTyper rtyper, HighLevelOp hop) {
        if (!(hop.argReprs.get(1) instanceof InstanceRepr(ClassRepr c))) {
            throw hop.error("isinstance() of " + hop.argReprs.get(1).lowleveltype() + " has no low-level translation");
        }
        Value classes = hop.spaceop.args().get(2);
        if (!rtyper.annotation(hop.spaceop.args().get(1)).canBeNone()) {
            return match(rtyper, hop, hop.arg(1), c, classes);
        }
        Value nonzero = hop.genop(PTR_NONZERO, List.of(hop.arg(1)), Primitive.BOOL);
        return hop.select(nonzero, LLConstant.of(false, Primitive.BOOL), () -> match(rtyper, hop, hop.arg(1), c, classes),
                Primitive.BOOL);
    }

    /** {@code exception_match(e, C)} in an {@code except C:} handler: isinstance on the raised instance. */
    static Value exceptionMatch(RTyper rtyper, HighLevelOp hop) {
        if (!(hop.argReprs.getFirst() instanceof InstanceRepr(ClassRepr c))) {
            throw hop.error("exception_match on " + hop.argReprs.getFirst().lowleveltype());
        }
        return match(rtyper, hop, hop.arg(0), c, hop.spaceop.args().get(1));
    }

    /**
     * Whether instance {@code x} (of static class {@code c}) is an instance of the constant
     * class(es) {@code classes}: {@code C.min <= x.typeptr.subclassrange_min < C.max} for each,
     * written as one unsigned comparison, {@code (min - C.min) <u (C.max - C.min)}.
     */
    private static Value match(RTyper rtyper, HighLevelOp hop, Value x, ClassRepr c, Value classes) {
        List<PyType> types = new ArrayList<>();
        if (classes instanceof Constant k && k.value() instanceof PyType t) {
            types.add(t);
        } else if (classes instanceof Constant k && k.value() instanceof PyTuple tuple) {
            for (PyObject o : tuple.items()) {
                types.add((PyType) o);
            }
        } else if (classes instanceof Variable v && rtyper.annotation(v).konst() instanceof PyType t) {
            types.add(t);
        } else if (classes instanceof Variable v && rtyper.annotation(v) instanceof SomeValue.SomeTuple tuple
                && tuple.items().stream().allMatch(i -> i.konst() instanceof PyType)) {
            // the classes of an except (A, B) the flow space passed into the handler's block:
            // a variable, but each item is known now
            for (SomeValue i : tuple.items()) {
                types.add((PyType) i.konst());
            }
        } else {
            throw hop.error("isinstance() takes a class known now, or a tuple of them");
        }
        ClassRepr root = rtyper.classes.root;
        Value min = null;
        Value result = null;
        PyType exceptions = rtyper.classes.builtin("BaseException").pytype;
        for (PyType t : types) {
            if (t.isBuiltin() && !t.name().equals("object") && !t.isSubtypeOf(exceptions)) {
                continue;   // an instance is never a str or an int: isinstance(x, (str, Node))
            }
            ClassRepr k = rtyper.classes.of(t);
            Value one;
            if (c.isSubclassOf(k)) {
                one = LLConstant.of(true, Primitive.BOOL);
            } else {
                if (min == null) {
                    min = hop.genop(GETFIELD, List.of(vtable(rtyper, hop, x, c, root), LLConstant.voidOf("subclassrange_min")),
                            Primitive.SIGNED);
                }
                Value offset = hop.genop(CAST_INT_TO_UINT, List.of(hop.genop(INT_SUB, List.of(min, LLConstant.signed(k.min)),
                        Primitive.SIGNED)), Primitive.UNSIGNED);
                one = hop.genop(UINT_LT, List.of(offset, LLConstant.of(k.max - k.min, Primitive.UNSIGNED)), Primitive.BOOL);
            }
            result = result == null ? one : or(hop, result, one);
        }
        return result == null ? LLConstant.of(false, Primitive.BOOL) : result;
    }

    private static Value or(HighLevelOp hop, Value a, Value b) {
        Value ia = hop.genop(CAST_BOOL_TO_INT, List.of(a), Primitive.SIGNED);
        Value ib = hop.genop(CAST_BOOL_TO_INT, List.of(b), Primitive.SIGNED);
        return hop.genop(INT_IS_TRUE, List.of(hop.genop(INT_OR, List.of(ia, ib), Primitive.SIGNED)), Primitive.BOOL);
    }

    /** {@code x is y}, {@code x == y} between instances (RPy has no {@code __eq__}): the same address. */
    static Value identity(RTyper rtyper, HighLevelOp hop, boolean same) {
        Repr a = hop.argReprs.get(0);
        Repr b = hop.argReprs.get(1);
        if (isNone(a) || isNone(b)) {
            int i = isNone(a) ? 1 : 0;
            return hop.genop(same ? PTR_ISZERO : PTR_NONZERO, List.of(hop.arg(i)), Primitive.BOOL);
        }
        Repr root = new InstanceRepr(rtyper.classes.root);
        return hop.genop(same ? PTR_EQ : PTR_NE, List.of(hop.inputarg(root, 0), hop.inputarg(root, 1)), Primitive.BOOL);
    }

    private static boolean isNone(Repr r) {
        return r instanceof ConstantRepr(var v) && v == PySingleton.NONE;
    }

    /** Whether the rule for {@code is}, {@code ==} is this one: an instance on either side. */
    static boolean onInstances(HighLevelOp hop) {
        return hop.argReprs.stream().anyMatch(r -> r instanceof InstanceRepr || r instanceof Repr.ClassRefRepr
                || r instanceof Repr.MethodRepr);
    }
}
