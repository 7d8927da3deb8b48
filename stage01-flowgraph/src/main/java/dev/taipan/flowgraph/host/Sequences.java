package dev.taipan.flowgraph.host;

import java.util.ArrayList;
import java.util.List;

/** Slicing and repetition shared by list, tuple, str and bytes. */
final class Sequences {
    private Sequences() {}

    static ArrayList<PyObject> slice(List<PyObject> items, PySlice s) {
        long[] ix = s.indices(items.size());
        ArrayList<PyObject> out = new ArrayList<>((int) ix[3]);
        if (ix[2] == 1) {
            out.addAll(items.subList((int) ix[0], (int) (ix[0] + ix[3])));
            return out;
        }
        for (long i = 0, k = ix[0]; i < ix[3]; i++, k += ix[2]) {
            out.add(items.get((int) k));
        }
        return out;
    }

    static String sliceString(String s, PySlice sl) {
        long[] ix = sl.indices(s.length());
        if (ix[2] == 1) {
            return s.substring((int) ix[0], (int) (ix[0] + ix[3]));
        }
        StringBuilder sb = new StringBuilder((int) ix[3]);
        for (long i = 0, k = ix[0]; i < ix[3]; i++, k += ix[2]) {
            sb.append(s.charAt((int) k));
        }
        return sb.toString();
    }

    static void setSlice(ArrayList<PyObject> items, PySlice s, List<PyObject> values) {
        long[] ix = s.indices(items.size());
        if (ix[2] == 1) {
            int start = (int) ix[0];
            int stop = Math.max(start, (int) ix[1]);
            items.subList(start, stop).clear();
            items.addAll(start, values);
            return;
        }
        if (values.size() != ix[3]) {
            throw PyErrors.valueError("attempt to assign sequence of size " + values.size()
                    + " to extended slice of size " + ix[3]);
        }
        for (int i = 0; i < ix[3]; i++) {
            items.set((int) (ix[0] + i * ix[2]), values.get(i));
        }
    }

    static void deleteSlice(ArrayList<PyObject> items, PySlice s) {
        long[] ix = s.indices(items.size());
        if (ix[2] == 1) {
            int start = (int) ix[0];
            items.subList(start, Math.max(start, (int) ix[1])).clear();
            return;
        }
        List<Integer> idx = new ArrayList<>();
        for (long i = 0; i < ix[3]; i++) {
            idx.add((int) (ix[0] + i * ix[2]));
        }
        idx.sort(null);
        for (int i = idx.size() - 1; i >= 0; i--) {
            items.remove((int) idx.get(i));
        }
    }

    static PyObject repeat(PyObject seq, PyInt n) {
        long times = n.signum() <= 0 ? 0 : n.big != null ? Long.MAX_VALUE : n.value;
        switch (seq) {
            case PyStr s -> {
                if (times * s.value.length() > Integer.MAX_VALUE - 8) {
                    throw PyErrors.of(Types.MEMORY_ERROR);
                }
                return PyStr.of(s.value.repeat((int) times));
            }
            case PyList l -> {
                ArrayList<PyObject> out = new ArrayList<>();
                for (long i = 0; i < times; i++) {
                    out.addAll(l.items);
                }
                return new PyList(out, true);
            }
            case PyTuple t -> {
                ArrayList<PyObject> out = new ArrayList<>();
                for (long i = 0; i < times; i++) {
                    out.addAll(List.of(t.items));
                }
                return PyTuple.of(out);
            }
            case PyBytes b -> {
                byte[] out = new byte[(int) (b.value.length * times)];
                for (int i = 0; i < times; i++) {
                    System.arraycopy(b.value, 0, out, i * b.value.length, b.value.length);
                }
                return new PyBytes(out);
            }
            default -> throw PyErrors.typeError("can't multiply sequence by non-int");
        }
    }
}
