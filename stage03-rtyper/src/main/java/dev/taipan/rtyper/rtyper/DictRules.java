package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.annotator.Describe;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeBuiltin;
import dev.taipan.annotator.SomeValue.SomeDict;
import dev.taipan.annotator.SomeValue.SomeIterator;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyDict;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyType;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.image.Database;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcArray;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import dev.taipan.rtyper.rtyper.Repr.DictRepr;
import dev.taipan.rtyper.rtyper.Repr.IteratorRepr;
import dev.taipan.rtyper.rtyper.Repr.ListRepr;
import dev.taipan.rtyper.rtyper.Repr.TupleRepr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dicts (PyPy's {@code rdict.py} and {@code rordereddict.py}): their low-level type, and the
 * rules of the operations on them, nearly all a {@code direct_call} of a helper of
 * {@code rpython/rtyper/rdict.py}, where the hash table is written in RPy.
 *
 * <p>A dict of {@code K} to {@code V} is {@code Ptr(GcStruct dict {num_live, num_ever_used,
 * indexes: Ptr(GcArray(Signed)), keys: Ptr(GcArray(K)), values: Ptr(GcArray(V)), hashes:
 * Ptr(GcArray(Signed)), valid: Ptr(GcArray(Bool))})}: CPython's compact dict, its items in
 * insertion order in dense arrays, a sparse index table searched by open addressing (see the
 * helper file). The rules choose, per key repr, what the helpers cannot: the key's hash (an int
 * is its own, the others by the key type's hash function) is computed here and
 * passed in, and the helpers compare and rehash keys with the key type's functions
 * ({@link KeyFunctions}: a str by its chars, a tuple item by item, an instance by identity).
 *
 * <p>The helpers return a position in the dense arrays, or -1; {@code KeyError} and
 * {@code StopIteration} are raised by the rule ({@link HighLevelOp#raiseIf}), so that they
 * reach the handler of the block's {@code try}, as the rest of stage 03's checks do.
 */
final class DictRules {
    private static final String RDICT = "rpython.rtyper.rdict";

    private final RTyper rtyper;
    private final Database database;
    /** One struct per (key, value) type: struct types compare by identity. */
    private final Map<List<LowLevelType>, Ptr> dicts = new HashMap<>();
    private final Map<Ptr, Ptr> iterators = new HashMap<>();

    private final KeyFunctions keyFunctions;

    DictRules(RTyper rtyper, Database database) {
        this.rtyper = rtyper;
        this.database = database;
        this.keyFunctions = new KeyFunctions(rtyper);
    }

    // ---- representations --------------------------------------------------------------------

    /** The repr of a dict or of an iterator over a dict's keys, or null if {@code s} is neither. */
    Repr reprOf(SomeValue s, GraphConverter converter, int line) {
        if (s instanceof SomeDict d) {
            Repr key = rtyper.reprOf(d.dictdef().keyValue().withoutConst(), converter, line);
            if (key instanceof Repr.ConstantRepr(PyStr k)) {
                key = Repr.STR;   // the keys seen so far are one constant: stored as any str
            }
            Repr value = rtyper.reprOf(d.dictdef().valueValue().withoutConst(), converter, line);
            List<LowLevelType> types = List.of(stored(key), stored(value));
            return new DictRepr(key, value, dicts.computeIfAbsent(types, t -> new Ptr(GcStruct.of("dict",
                    new Field("num_live", Primitive.SIGNED), new Field("num_ever_used", Primitive.SIGNED),
                    new Field("indexes", new Ptr(new GcArray(Primitive.SIGNED))),
                    new Field("keys", new Ptr(new GcArray(t.get(0)))),
                    new Field("values", new Ptr(new GcArray(t.get(1)))),
                    new Field("hashes", new Ptr(new GcArray(Primitive.SIGNED))),
                    new Field("valid", new Ptr(new GcArray(Primitive.BOOL)))))));
        }
        if (s instanceof SomeIterator it && it.container() instanceof SomeDict && it.variant() == SomeIterator.Variant.ITEMS) {
            DictRepr d = (DictRepr) reprOf(it.container(), converter, line);
            Ptr type = iterators.computeIfAbsent(d.lowleveltype(), p -> new Ptr(GcStruct.of("dictiter",
                    new Field("dict", p), new Field("index", Primitive.SIGNED))));
            return new IteratorRepr(d, d.key(), type);
        }
        return null;
    }

    /**
     * The type a key or value is stored as: a Void one (None, a dict never filled) takes a
     * Signed word that is never read, since an array of Void has no items to index.
     */
    private static LowLevelType stored(Repr r) {
        return r.lowleveltype() == Primitive.VOID ? Primitive.SIGNED : r.lowleveltype();
    }

    private static Ptr fieldType(DictRepr d, String name) {
        return (Ptr) ((GcStruct) d.lowleveltype().to()).field(name).type();
    }

    private static Constant arrayType(DictRepr d, String name) {
        return LLConstant.voidOf(fieldType(d, name).to());
    }

    // ---- constants in the image --------------------------------------------------------------

    /**
     * A dict built at import time, in the image: its dense arrays full (the host dict's items
     * in its order), and no index table ({@code indexes} null). The first lookup at run time
     * builds one ({@code ll_lookup} sees the null; PyPy's prebuilt dicts do the same), so that
     * the image holds nothing that depends on where the keys are: an instance's hash is its
     * address, known only once the image is placed, and a moving GC would change it. So the
     * hashes are in the image only where they cannot depend on it ({@link #imageHashes});
     * otherwise {@code hashes} is null too, and computed at that first lookup.
     */
    Prebuilt constant(PyObject value, DictRepr d) {
        if (!(value instanceof PyDict dict)) {
            return null;
        }
        Map<PyObject, PyObject> items = dict.asMap();
        return database.convert(dict, () -> new Prebuilt(d.lowleveltype().to(), Section.DATA), p -> {
            int n = items.size();
            Prebuilt keys = new Prebuilt(fieldType(d, "keys").to(), n, Section.DATA);
            Prebuilt values = new Prebuilt(fieldType(d, "values").to(), n, Section.DATA);
            boolean hashed = imageHashes(d.key());
            Prebuilt hashes = hashed ? new Prebuilt(fieldType(d, "hashes").to(), n, Section.DATA) : null;
            Prebuilt valid = new Prebuilt(fieldType(d, "valid").to(), n, Section.DATA);
            int i = 0;
            for (Map.Entry<PyObject, PyObject> e : items.entrySet()) {
                keys.item(i).set(storedValue(e.getKey(), d.key()));
                values.item(i).set(storedValue(e.getValue(), d.value()));
                if (hashed) {
                    hashes.item(i).set(prebuiltHash(e.getKey(), d.key()));
                }
                valid.item(i).set(true);
                i++;
            }
            p.field("num_live").set((long) n);
            p.field("num_ever_used").set((long) n);
            p.field("keys").set(keys);
            p.field("values").set(values);
            if (hashed) {
                p.field("hashes").set(hashes);
            }
            p.field("valid").set(valid);
        });
    }

    private Object storedValue(PyObject v, Repr r) {
        return r.lowleveltype() == Primitive.VOID ? (Object) 0L : rtyper.prebuiltValue(v, r);
    }

    /**
     * Whether the image holds the hashes of these keys: those that do not depend on where
     * objects land (ints, bools, and chars and strs, hashed by {@link StrHash} as the helpers
     * hash them). The others, instances by their addresses, and tuples
     * and floats by their own functions, are left out, and {@code ll_rehash} computes them at
     * the first lookup.
     */
    private static boolean imageHashes(Repr key) {
        return key == Repr.SIGNED || key == Repr.BOOL || key == Repr.CHAR || key instanceof Repr.StrRepr;
    }

    /** The hash {@link #key} computes at run time, for a key the image holds. */
    private static long prebuiltHash(PyObject k, Repr r) {
        return switch (r) {
            case Repr.StrRepr s -> StrHash.of(((PyStr) k).value());
            case Repr.PrimitiveRepr(Primitive p) when p == Primitive.CHAR ->
                    StrHash.of(String.valueOf((char) (Character) RTyper.convertConst(k, p)));   // rdict.ll_hash_char
            case Repr.PrimitiveRepr(Primitive p) when p == Primitive.BOOL -> k == PyBool.TRUE ? 1L : 0L;
            default -> (Long) RTyper.convertConst(k, Primitive.SIGNED);
        };
    }

    // ---- which operations are this class's ---------------------------------------------------

    /** Whether the operation is on a dict (or makes one): then {@link #translate} is its rule. */
    static boolean handles(RTyper rtyper, HighLevelOp hop) {
        HLOp op = (HLOp) hop.spaceop.op();
        Repr first = hop.nargs() == 0 ? null : hop.argReprs.getFirst();
        return switch (op) {
            case NEWDICT -> true;
            case GETITEM, SETITEM, DELITEM, CONTAINS, LEN, ITER -> first instanceof DictRepr;
            case NEXT -> first instanceof IteratorRepr it && it.container() instanceof DictRepr;
            case SIMPLE_CALL -> builtinName(rtyper, hop) instanceof String name
                    && (name.equals("dict") || name.equals("len") && hop.nargs() == 2 && hop.argReprs.get(1) instanceof DictRepr);
            default -> false;
        };
    }

    private static String builtinName(RTyper rtyper, HighLevelOp hop) {
        if (hop.argReprs.getFirst() instanceof Repr.ConstantRepr(var f) && f == PySingleton.NONE
                && rtyper.annotation(hop.spaceop.args().getFirst()) instanceof SomeBuiltin b && b.self() == null) {
            return b.name();
        }
        if (hop.argReprs.getFirst() instanceof Repr.ConstantRepr(PyType t) && t.isBuiltin()) {
            return t.name();
        }
        return null;
    }

    static Value translate(RTyper rtyper, HighLevelOp hop) {
        DictRules rules = rtyper.dicts;
        return switch ((HLOp) hop.spaceop.op()) {
            case NEWDICT -> rules.newdict(hop);
            case GETITEM -> rules.getitem(hop);
            case SETITEM -> rules.setitem(hop);
            case DELITEM -> rules.delitem(hop);
            case CONTAINS -> rules.contains(hop);
            case LEN -> length(hop, (DictRepr) hop.argReprs.getFirst(), hop.arg(0));
            case ITER -> rules.iter(hop);
            case NEXT -> rules.next(hop);
            case SIMPLE_CALL -> builtinName(rtyper, hop).equals("len")
                    ? length(hop, (DictRepr) hop.argReprs.get(1), hop.arg(1)) : rules.dictCall(hop);
            default -> throw new IllegalStateException(hop.spaceop.opname());
        };
    }

    // ---- keys and their hashes ----------------------------------------------------------------

    /**
     * The first two arguments of the helpers that look keys up, {@code KEYEQ} and
     * {@code KEYHASH}: the functions that compare and hash the key type, constants, so each
     * dict type's lookup calls its own directly ({@link KeyFunctions}).
     */
    private Value keyEq(HighLevelOp hop, DictRepr d) {
        return LLConstant.voidOf(functions(hop, d).eq());
    }

    private Value keyHash(HighLevelOp hop, DictRepr d) {
        return LLConstant.voidOf(functions(hop, d).hash());
    }

    private KeyFunctions.Pair functions(HighLevelOp hop, DictRepr d) {
        KeyFunctions.Pair p = keyFunctions.find(d.key());
        if (p == null) {
            throw hop.error("dict keys of type " + d.key().lowleveltype() + " have no low-level hash in this part (numbers, "
                    + "chars, strs, instances and tuples of those have)");
        }
        return p;
    }

    /** The equality and hash functions of each key type (also {@code hash(x)}'s, {@link NumericBuiltins}). */
    KeyFunctions keyFunctions() {
        return keyFunctions;
    }

    /** Argument {@code i} as a key of {@code d} and its hash: the two values every lookup takes. */
    private List<Value> key(HighLevelOp hop, DictRepr d, int i) {
        return key(hop, d, hop.arg(i), hop.argReprs.get(i));
    }

    private List<Value> key(HighLevelOp hop, DictRepr d, Value v, Repr from) {
        functions(hop, d);   // refused here, at the first use, if the key type has no hash
        Value k = hop.convert(v, from, d.key());
        Value hash = switch (d.key()) {
            case Repr.PrimitiveRepr(Primitive p) when p == Primitive.SIGNED -> k;   // an int is its own hash (CPython: the int mod 2**61 - 1)
            case Repr.PrimitiveRepr(Primitive p) when p == Primitive.BOOL ->
                    hop.genop(CAST_BOOL_TO_INT, List.of(k), Primitive.SIGNED);
            default -> hop.gendirectcall(new Helper(RDICT, "ll_hash_with"), keyHash(hop, d), k);   // char, str, tuple, identity
        };
        return List.of(k, hash);
    }

    /** Argument value {@code v} of repr {@code from} as a stored value of {@code d}. */
    private Value value(HighLevelOp hop, DictRepr d, Value v, Repr from) {
        return d.value().lowleveltype() == Primitive.VOID ? LLConstant.signed(0) : hop.convert(v, from, d.value());
    }

    /** A stored value (of the array's type) as the operation's result. */
    private Value result(HighLevelOp hop, DictRepr d, Value stored) {
        return d.value().lowleveltype() == Primitive.VOID ? rtyper.none() : hop.convert(stored, d.value(), hop.resultRepr);
    }

    // ---- the operations -----------------------------------------------------------------------

    private Value newdict(HighLevelOp hop) {
        if (hop.resultRepr instanceof Repr.ConstantRepr(var v)) {
            return LLConstant.voidOf(v);   // a dict nothing ever reads (made after a call that always raises): no bits
        }
        DictRepr d = (DictRepr) hop.resultRepr;
        Value p = newdict(hop, d);
        for (int i = 0; i < hop.nargs(); i += 2) {
            List<Value> k = key(hop, d, i);
            setitem(hop, d, p, k, value(hop, d, hop.arg(i + 1), hop.argReprs.get(i + 1)));
        }
        return p;
    }

    private Value newdict(HighLevelOp hop, DictRepr d) {
        return hop.gendirectcall(new Helper(RDICT, "ll_newdict"), LLConstant.voidOf(d.lowleveltype().to()),
                arrayType(d, "keys"), arrayType(d, "values"));
    }

    private void setitem(HighLevelOp hop, DictRepr d, Value p, List<Value> key, Value value) {
        hop.gendirectcall(new Helper(RDICT, "ll_dict_setitem"), keyEq(hop, d), keyHash(hop, d), arrayType(d, "keys"), arrayType(d, "values"), p,
                key.get(0), key.get(1), value);
    }

    private Value setitem(HighLevelOp hop) {
        DictRepr d = (DictRepr) hop.argReprs.getFirst();
        List<Value> k = key(hop, d, 1);
        setitem(hop, d, hop.arg(0), k, value(hop, d, hop.arg(2), hop.argReprs.get(2)));
        return rtyper.none();
    }

    /**
     * The position of the key (argument 1) in the dense arrays, {@code KeyError} raised when it
     * is not there. Returns the dict, the key, its hash and the position, renamed past the check.
     */
    private List<Value> lookupOrRaise(HighLevelOp hop, DictRepr d) {
        Value p = hop.arg(0);
        List<Value> k = key(hop, d, 1);
        Value index = hop.gendirectcall(new Helper(RDICT, "ll_lookup"), keyEq(hop, d), keyHash(hop, d), p, k.get(0), k.get(1));
        Value missing = hop.genop(INT_LT, List.of(index, LLConstant.signed(0)), Primitive.BOOL);
        String message = hop.spaceop.args().get(1) instanceof Constant c && c.value() instanceof PyObject o
                ? HostSpace.repr(o) : null;
        return raiseMissing(hop, d, missing, message, List.of(p, k.get(0), k.get(1), index));
    }

    /**
     * {@code KeyError(key)} raised where {@code missing} holds, its message the key's repr as
     * CPython's: written at translation time for a constant key ({@code message}), else on the
     * raising path for a str, char, int or bool key ({@code live.get(1)}, the key); a key of
     * another type raises a KeyError without message.
     */
    private List<Value> raiseMissing(HighLevelOp hop, DictRepr d, Value missing, String message, List<Value> live) {
        ClassRepr keyError = rtyper.classes.builtin("KeyError");
        Repr key = d.key();
        if (message == null && (key instanceof Repr.StrRepr || key.equals(Repr.CHAR) || key.equals(Repr.SIGNED)
                || key.equals(Repr.BOOL))) {
            return hop.raiseIfWithMessage(missing, keyError, renamed -> StrRules.strOf(hop, renamed.get(1), key, true), live);
        }
        return hop.raiseIf(missing, keyError, message, live);
    }

    private Value getitem(HighLevelOp hop) {
        DictRepr d = (DictRepr) hop.argReprs.getFirst();
        List<Value> found = lookupOrRaise(hop, d);
        Value values = hop.genop(GETFIELD, List.of(found.get(0), LLConstant.voidOf("values")), fieldType(d, "values"));
        return result(hop, d, hop.genop(GETARRAYITEM, List.of(values, found.get(3)), stored(d.value())));
    }

    private Value delitem(HighLevelOp hop) {
        DictRepr d = (DictRepr) hop.argReprs.getFirst();
        List<Value> found = lookupOrRaise(hop, d);
        hop.gendirectcall(new Helper(RDICT, "ll_dict_delete_at"), keyEq(hop, d), found.get(0), found.get(1), found.get(2));
        return rtyper.none();
    }

    private Value contains(HighLevelOp hop) {
        DictRepr d = (DictRepr) hop.argReprs.getFirst();
        List<Value> k = key(hop, d, 1);
        Value index = hop.gendirectcall(new Helper(RDICT, "ll_lookup"), keyEq(hop, d), keyHash(hop, d), hop.arg(0), k.get(0), k.get(1));
        return hop.genop(INT_GE, List.of(index, LLConstant.signed(0)), Primitive.BOOL);
    }

    private static Value length(HighLevelOp hop, DictRepr d, Value p) {
        return hop.genop(GETFIELD, List.of(p, LLConstant.voidOf("num_live")), Primitive.SIGNED);
    }

    /** The truth of a dict: not empty. */
    static Value truth(HighLevelOp hop, int i) {
        Value n = length(hop, (DictRepr) hop.argReprs.get(i), hop.arg(i));
        return hop.genop(INT_IS_TRUE, List.of(n), Primitive.BOOL);
    }

    /** {@code iter(d)}: a {@code dictiter {dict, index}} at the first item. */
    private Value iter(HighLevelOp hop) {
        IteratorRepr it = (IteratorRepr) hop.resultRepr;
        Value p = hop.genop(MALLOC, List.of(LLConstant.voidOf(it.lowleveltype().to())), it.lowleveltype());
        hop.genop(SETFIELD, List.of(p, LLConstant.voidOf("dict"), hop.arg(0)), Primitive.VOID);
        hop.genop(SETFIELD, List.of(p, LLConstant.voidOf("index"), LLConstant.signed(0)), Primitive.VOID);
        return p;
    }

    /** {@code next(it)}: the next live key, skipping deleted items, or StopIteration. */
    private Value next(HighLevelOp hop) {
        IteratorRepr it = (IteratorRepr) hop.argReprs.getFirst();
        DictRepr d = (DictRepr) it.container();
        Value p = hop.arg(0);
        Value dict = hop.genop(GETFIELD, List.of(p, LLConstant.voidOf("dict")), d.lowleveltype());
        Value from = hop.genop(GETFIELD, List.of(p, LLConstant.voidOf("index")), Primitive.SIGNED);
        Value index = hop.gendirectcall(new Helper(RDICT, "ll_dictiter_next"), dict, from);
        Value done = hop.genop(INT_LT, List.of(index, LLConstant.signed(0)), Primitive.BOOL);
        List<Value> after = hop.raiseIf(done, rtyper.classes.builtin("StopIteration"), null, List.of(p, dict, index));
        hop.genop(SETFIELD, List.of(after.get(0), LLConstant.voidOf("index"),
                hop.genop(INT_ADD, List.of(after.get(2), LLConstant.signed(1)), Primitive.SIGNED)), Primitive.VOID);
        Value keys = hop.genop(GETFIELD, List.of(after.get(1), LLConstant.voidOf("keys")), fieldType(d, "keys"));
        Value key = hop.genop(GETARRAYITEM, List.of(keys, after.get(2)), stored(d.key()));
        return d.key().lowleveltype() == Primitive.VOID ? rtyper.none() : hop.convert(key, d.key(), hop.resultRepr);
    }

    /** {@code dict()} and {@code dict(d)}. */
    private Value dictCall(HighLevelOp hop) {
        DictRepr d = (DictRepr) hop.resultRepr;
        if (hop.nargs() == 1) {
            return newdict(hop, d);
        }
        Value other = hop.convert(hop.arg(1), hop.argReprs.get(1), d);
        return hop.gendirectcall(new Helper(RDICT, "ll_dict_copy"), keyEq(hop, d), keyHash(hop, d), LLConstant.voidOf(d.lowleveltype().to()),
                arrayType(d, "keys"), arrayType(d, "values"), other);
    }

    // ---- methods ------------------------------------------------------------------------------

    /** {@code d.name(args)}: argument 0 is the dict itself (the bound method), the call's arguments follow. */
    static Value method(RTyper rtyper, HighLevelOp hop, Repr.BuiltinMethodRepr m) {
        return rtyper.dicts.method(hop, (DictRepr) m.self(), m.name().substring("dict.".length()));
    }

    private Value method(HighLevelOp hop, DictRepr d, String name) {
        Value p = hop.arg(0);
        List<HighLevelOp.CallArg> args = hop.callArgs();
        if (!hop.keywords().isEmpty()) {
            throw hop.error("dict." + name + "() takes no keyword arguments");
        }
        Constant keys = arrayType(d, "keys");
        Constant values = arrayType(d, "values");
        return switch (name) {
            case "get" -> {
                List<Value> k = key(hop, d, args.get(0).value(), args.get(0).repr());
                Value dflt = args.size() > 1 ? hop.convert(args.get(1).value(), args.get(1).repr(), hop.resultRepr) : noneValue(hop);
                Value index = hop.gendirectcall(new Helper(RDICT, "ll_lookup"), keyEq(hop, d), keyHash(hop, d), p, k.get(0), k.get(1));
                yield storedOrDefault(hop, d, index, dflt, List.of(p, index), live -> storedValue(hop, d, live.get(0), live.get(1)));
            }
            case "setdefault" -> {
                List<Value> k = key(hop, d, args.get(0).value(), args.get(0).repr());
                Value dflt = value(hop, d, args.get(1).value(), args.get(1).repr());
                yield result(hop, d, hop.gendirectcall(new Helper(RDICT, "ll_dict_setdefault"), keyEq(hop, d), keyHash(hop, d), keys, values, p,
                        k.get(0), k.get(1), dflt));
            }
            case "pop" -> pop(hop, d, p, args);
            case "keys" -> list(hop, hop.gendirectcall(new Helper(RDICT, "ll_dict_keys"), keys, p));
            case "values" -> list(hop, hop.gendirectcall(new Helper(RDICT, "ll_dict_values"), values, p));
            case "items" -> {
                ListRepr l = (ListRepr) hop.resultRepr;
                TupleRepr t = (TupleRepr) l.item();
                yield list(hop, hop.gendirectcall(new Helper(RDICT, "ll_dict_items"),
                        LLConstant.voidOf(itemsArray(l).to()), LLConstant.voidOf(t.lowleveltype().to()), p));
            }
            case "update" -> {
                Value other = hop.convert(args.get(0).value(), args.get(0).repr(), d);
                hop.gendirectcall(new Helper(RDICT, "ll_dict_update"), keyEq(hop, d), keyHash(hop, d), keys, values, p, other);
                yield rtyper.none();
            }
            case "clear" -> {
                hop.gendirectcall(new Helper(RDICT, "ll_dict_clear"), keys, values, p);
                yield rtyper.none();
            }
            default -> throw hop.error("dict." + name + "() has no low-level translation in this part");
        };
    }

    /** {@code d.get(k)}'s default, None, in the result's repr: a null pointer, since a number cannot be None. */
    private Value noneValue(HighLevelOp hop) {
        LowLevelType t = hop.resultRepr.lowleveltype();
        return switch (t) {
            case Ptr p -> LLConstant.nullOf(p);
            case Primitive p when p == Primitive.VOID -> rtyper.none();
            default -> throw hop.error("d.get(k) may be None, which a " + t + " cannot be: give a default, d.get(k, default)");
        };
    }

    /**
     * The result of {@code get} and {@code pop} with a default: the stored value where the key
     * was found ({@code index >= 0}), else the default. The annotator gives the call the union
     * of the dict's values and the default (which, unlike PyPy's, does not widen the dict: a
     * float default leaves a dict of ints one of ints), so both paths convert to that union's
     * repr; the default already has been. A dict of values the annotator never saw ({} or a
     * dict never filled) finds nothing, and a dict of Nones finds None.
     */
    private Value storedOrDefault(HighLevelOp hop, DictRepr d, Value index, Value dflt, List<Value> live,
                                  java.util.function.Function<List<Value>, Value> found) {
        LowLevelType t = hop.resultRepr.lowleveltype();
        if (d.value().lowleveltype() == Primitive.VOID && !(t instanceof Ptr) && t != Primitive.VOID) {
            return dflt;    // no value is stored, and a None could not be a number: only the default is possible
        }
        Value hit = hop.genop(INT_GE, List.of(index, LLConstant.signed(0)), Primitive.BOOL);
        return hop.select(hit, dflt, renamed -> {
            Value v = found.apply(renamed);
            return d.value().lowleveltype() == Primitive.VOID ? noneValue(hop) : hop.convert(v, d.value(), hop.resultRepr);
        }, t, live);
    }

    /** {@code d.values[index]}, of the array's type (unused when the values are Void). */
    private Value storedValue(HighLevelOp hop, DictRepr d, Value p, Value index) {
        Value values = hop.genop(GETFIELD, List.of(p, LLConstant.voidOf("values")), fieldType(d, "values"));
        return hop.genop(GETARRAYITEM, List.of(values, index), stored(d.value()));
    }

    /** {@code d.pop(k)} raises KeyError when k is missing; {@code d.pop(k, default)} returns the default. */
    private Value pop(HighLevelOp hop, DictRepr d, Value p, List<HighLevelOp.CallArg> args) {
        List<Value> k = key(hop, d, args.get(0).value(), args.get(0).repr());
        Value index = hop.gendirectcall(new Helper(RDICT, "ll_lookup"), keyEq(hop, d), keyHash(hop, d), p, k.get(0), k.get(1));
        if (args.size() > 1) {
            Value dflt = hop.convert(args.get(1).value(), args.get(1).repr(), hop.resultRepr);
            return storedOrDefault(hop, d, index, dflt, List.of(p, k.get(0), k.get(1), index), live -> {
                Value v = storedValue(hop, d, live.get(0), live.get(3));
                hop.gendirectcall(new Helper(RDICT, "ll_dict_delete_at"), keyEq(hop, d), live.get(0), live.get(1), live.get(2));
                return v;
            });
        }
        Value missing = hop.genop(INT_LT, List.of(index, LLConstant.signed(0)), Primitive.BOOL);
        List<Value> found = raiseMissing(hop, d, missing, null, List.of(p, k.get(0), k.get(1), index));
        Value values = hop.genop(GETFIELD, List.of(found.get(0), LLConstant.voidOf("values")), fieldType(d, "values"));
        Value v = hop.genop(GETARRAYITEM, List.of(values, found.get(3)), stored(d.value()));
        hop.gendirectcall(new Helper(RDICT, "ll_dict_delete_at"), keyEq(hop, d), found.get(0), found.get(1), found.get(2));
        return result(hop, d, v);
    }

    private static Ptr itemsArray(ListRepr l) {
        return l.resizable() ? (Ptr) ((GcStruct) l.lowleveltype().to()).field("items").type() : l.lowleveltype();
    }

    /** The array a helper filled, as the list {@code keys()} returns: itself, or a resizable list over it. */
    private static Value list(HighLevelOp hop, Value array) {
        ListRepr l = (ListRepr) hop.resultRepr;
        if (!l.resizable()) {
            return array;
        }
        Value list = hop.genop(MALLOC, List.of(LLConstant.voidOf(l.lowleveltype().to())), l.lowleveltype());
        Value n = hop.genop(GETARRAYSIZE, List.of(array), Primitive.SIGNED);
        hop.genop(SETFIELD, List.of(list, LLConstant.voidOf("length"), n), Primitive.VOID);
        hop.genop(SETFIELD, List.of(list, LLConstant.voidOf("items"), array), Primitive.VOID);
        return list;
    }
}
