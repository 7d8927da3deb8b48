package dev.taipan.gc.layout;

import dev.taipan.rtyper.lltype.ContainerType;

/**
 * The collector's map of one type: what {@link TypeInfo} says of it (its size, where its GC
 * pointers are, how its items look). The reference is {@link GcTypeLayout}, PyPy's
 * {@code gctypelayout.py}; {@link TypeInfo#of} asks the current one (see
 * {@link dev.taipan.gc.Exercised#TYPE_LAYOUT}) once per type a program has objects of. An
 * interface so that a student's map can take the reference's place: every collector then traces
 * objects by it.
 */
@FunctionalInterface
public interface TypeLayouter {
    /**
     * The information of {@code type} (a struct or an array, GC or raw, never a function), under
     * the id {@code id}. All numbers come from stage 03's {@link dev.taipan.rtyper.lltype.Layout}.
     */
    TypeInfo describe(int id, ContainerType type);
}
