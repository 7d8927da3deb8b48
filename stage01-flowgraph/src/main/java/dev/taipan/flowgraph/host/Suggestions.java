package dev.taipan.flowgraph.host;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * CPython 3.11's "Did you mean" hint, added to the last line of a traceback for a NameError or
 * AttributeError raised by the interpreter: the candidate name closest to the missing one by a
 * Levenshtein distance where changing case costs 1 and any other edit 2, accepted when no more
 * than about a third of the characters change. Candidates for a NameError are the frame's local
 * variables, then its globals, then the builtins; for an AttributeError, {@code dir(obj)}.
 */
final class Suggestions {
    private Suggestions() {}

    private static final int MAX_CANDIDATES = 750;
    private static final int MAX_STRING_SIZE = 40;
    private static final int MOVE_COST = 2;
    private static final int CASE_COST = 1;

    /** The ". Did you mean: 'x'?" suffix for an exception, or "". */
    static String suffix(PyBaseException exc) {
        String name = exc.missingName;
        if (name == null) {
            return "";
        }
        String best = null;
        if (exc.type().isSubtypeOf(Types.NAME_ERROR) && exc.nameFrame != null) {
            Frame f = exc.nameFrame;
            best = closest(f.code.varnames(), name);
            if (best == null) {
                best = closest(keys(f.globals), name);
            }
            if (best == null) {
                best = closest(keys(f.builtins), name);
            }
        } else if (exc.type().isSubtypeOf(Types.ATTRIBUTE_ERROR) && exc.attributeOwner != null) {
            best = closest(dir(exc.attributeOwner), name);
        }
        return best == null ? "" : ". Did you mean: '" + best + "'?";
    }

    private static List<String> keys(PyDict d) {
        List<String> out = new ArrayList<>();
        for (Object k : d.map.keySet()) {
            if (k instanceof String s) {
                out.add(s);
            }
        }
        return out;
    }

    /** {@code dir(obj)}, sorted: instance dict, then the attributes along the type's MRO. */
    static List<String> dir(PyObject obj) {
        TreeSet<String> names = new TreeSet<>();
        if (obj.dict() != null) {
            names.addAll(keys(obj.dict()));
        }
        PyType t = obj instanceof PyType ty ? ty : obj.type();
        for (PyType c : t.mroArray()) {
            names.addAll(c.dict.keySet());
        }
        if (obj instanceof PyModule m) {
            names.clear();
            names.addAll(keys(m.dict));
        }
        return new ArrayList<>(names);
    }

    static String closest(List<String> candidates, String name) {
        if (candidates.size() >= MAX_CANDIDATES) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String item : candidates) {
            if (item.equals(name)) {
                continue;
            }
            int max = (name.length() + item.length() + 3) * MOVE_COST / 6;
            max = Math.min(max, bestDistance - 1);
            int d = distance(name, item, max);
            if (d > max) {
                continue;
            }
            if (best == null || d < bestDistance) {
                best = item;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int substitutionCost(char a, char b) {
        if ((a & 31) != (b & 31)) {
            return MOVE_COST;
        }
        if (a == b) {
            return 0;
        }
        return Character.toLowerCase(a) == Character.toLowerCase(b) && a < 128 && b < 128 ? CASE_COST : MOVE_COST;
    }

    /** The weighted edit distance, or {@code max + 1} as soon as it must exceed {@code max}. */
    static int distance(String x, String y, int max) {
        int as = 0;
        int ae = x.length();
        int bs = 0;
        int be = y.length();
        while (as < ae && bs < be && x.charAt(as) == y.charAt(bs)) {
            as++;
            bs++;
        }
        while (as < ae && bs < be && x.charAt(ae - 1) == y.charAt(be - 1)) {
            ae--;
            be--;
        }
        String a = x.substring(as, ae);
        String b = y.substring(bs, be);
        if (a.isEmpty() || b.isEmpty()) {
            return (a.length() + b.length()) * MOVE_COST;
        }
        if (a.length() > MAX_STRING_SIZE || b.length() > MAX_STRING_SIZE) {
            return max + 1;
        }
        if (b.length() < a.length()) {
            String t = a;
            a = b;
            b = t;
        }
        if ((b.length() - a.length()) * MOVE_COST > max) {
            return max + 1;
        }
        int[] row = new int[a.length()];
        for (int i = 0; i < row.length; i++) {
            row[i] = (i + 1) * MOVE_COST;
        }
        int result = 0;
        for (int bi = 0; bi < b.length(); bi++) {
            char code = b.charAt(bi);
            int dist = bi * MOVE_COST;
            result = dist;
            int minimum = Integer.MAX_VALUE;
            for (int i = 0; i < a.length(); i++) {
                int substitute = dist + substitutionCost(code, a.charAt(i));
                dist = row[i];
                int insertDelete = Math.min(result, dist) + MOVE_COST;
                result = Math.min(insertDelete, substitute);
                row[i] = result;
                minimum = Math.min(minimum, result);
            }
            if (minimum > max) {
                return max + 1;
            }
        }
        return result;
    }
}
