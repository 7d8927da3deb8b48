package dev.taipan.rtyper.rtyper;

import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyList;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyTuple;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the keys of one type compare and hash (PyPy's {@code get_ll_eq_function} and
 * {@code get_ll_hash_function} of each key repr): two RPy functions, which the dict helpers
 * receive as the constants {@code KEYEQ} and {@code KEYHASH}. Numbers compare by value and
 * are their own hash; a str compares and hashes by its chars (the hash cached in the string), and
 * a char hashes as the str of one char it equals; an instance by identity (its address); a tuple item by
 * item, by functions {@code rtuple.make_tuple_functions} makes for its item types, once per
 * tuple type, at translation time.
 */
final class KeyFunctions {
    /** The equality and the hash of one key type. */
    record Pair(PyFunction eq, PyFunction hash) { }

    private static final String RDICT = "rpython.rtyper.rdict";

    private final RTyper rtyper;
    /** One pair per tuple type: the factory makes new functions each time it is called. */
    private final Map<LowLevelType, Pair> tuples = new HashMap<>();

    KeyFunctions(RTyper rtyper) {
        this.rtyper = rtyper;
    }

    /** The pair of a key repr, or null if keys of that repr cannot be hashed here. */
    Pair find(Repr key) {
        return switch (key) {
            case Repr.PrimitiveRepr(Primitive p) when p == Primitive.SIGNED -> rdict("ll_keyeq", "ll_hash_int");
            case Repr.PrimitiveRepr(Primitive p) when p == Primitive.BOOL -> rdict("ll_keyeq", "ll_hash_bool");
            case Repr.PrimitiveRepr(Primitive p) when p == Primitive.CHAR -> rdict("ll_keyeq", "ll_hash_char");
            case Repr.PrimitiveRepr(Primitive p) when p == Primitive.FLOAT -> rdict("ll_keyeq", "ll_hash_float");
            case Repr.StrRepr s -> new Pair(function(StrRules.RSTR, "ll_streq"), function(RDICT, "ll_strhash"));
            case Repr.InstanceRepr i -> rdict("ll_keyeq", "ll_identityhash");
            case Repr.TupleRepr t -> tuple(t);
            default -> null;
        };
    }

    private Pair rdict(String eq, String hash) {
        return new Pair(function(RDICT, eq), function(RDICT, hash));
    }

    private PyFunction function(String module, String name) {
        return rtyper.helpers.function(new Helper(module, name));
    }

    /**
     * A tuple's pair: {@code make_tuple_functions} called on the host with, per item, its
     * field, its type's pair and the step of CPython's tuple hash for its position. A tuple
     * with an item of a type that has no hash has none either.
     */
    private Pair tuple(Repr.TupleRepr t) {
        Pair known = tuples.get(t.lowleveltype());
        if (known != null) {
            return known;
        }
        int n = t.items().size();
        List<PyObject> fields = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Pair item = find(t.items().get(i));
            if (item == null) {
                return null;
            }
            fields.add(new PyTuple(PyStr.of("item" + i), item.eq(), item.hash(), PyInt.of(82520 + 2L * (n - 1 - i))));
        }
        var host = rtyper.annotator().translator().host();
        PyTuple made = (PyTuple) host.call(function("rpython.rtyper.rtuple", "make_tuple_functions"), List.of(new PyList(fields)));
        Pair pair = new Pair((PyFunction) made.items().get(0), (PyFunction) made.items().get(1));
        tuples.put(t.lowleveltype(), pair);
        return pair;
    }
}
