package dev.taipan.flowgraph.host;

import java.util.ArrayList;
import java.util.List;

/**
 * C3 linearization (Barrett et al., 1996; Python since 2.3): a class comes before its bases,
 * bases keep their left-to-right order, and every base's own MRO is respected. When no order
 * satisfies all three, class creation fails with CPython's message.
 */
final class Mro {
    private Mro() {}

    static PyType[] compute(PyType cls, PyType[] bases) {
        List<List<PyType>> seqs = new ArrayList<>();
        for (PyType b : bases) {
            seqs.add(new ArrayList<>(b.mro()));
        }
        seqs.add(new ArrayList<>(List.of(bases)));
        List<PyType> out = new ArrayList<>();
        out.add(cls);
        while (true) {
            seqs.removeIf(List::isEmpty);
            if (seqs.isEmpty()) {
                return out.toArray(PyType[]::new);
            }
            PyType next = null;
            for (List<PyType> s : seqs) {
                PyType head = s.get(0);
                if (seqs.stream().noneMatch(o -> o.indexOf(head) > 0)) {
                    next = head;
                    break;
                }
            }
            if (next == null) {
                StringBuilder names = new StringBuilder();
                for (List<PyType> s : seqs) {
                    String n = s.get(0).name();
                    if (names.indexOf(n) < 0) {
                        names.append(names.isEmpty() ? "" : ", ").append(n);
                    }
                }
                throw PyErrors.typeError("Cannot create a consistent method resolution\norder (MRO) for bases " + names);
            }
            out.add(next);
            for (List<PyType> s : seqs) {
                if (s.get(0) == next) {
                    s.remove(0);
                }
            }
        }
    }
}
