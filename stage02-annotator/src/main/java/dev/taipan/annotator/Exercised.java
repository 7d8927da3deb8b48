package dev.taipan.annotator;

import dev.taipan.flowgraph.Exercisable;

/**
 * The parts of the annotator that stage 02's graded exercises re-implement (see
 * {@code exercises/stage02}), each chosen through {@link Exercisable#current()} where the
 * annotator uses it. Their contract tests (the {@code *Contract} classes in this package's test
 * sources) test whatever is current, so the same tests grade the reference here and a student's
 * class in the exercises module.
 */
public final class Exercised {
    private Exercised() { }

    /** The join of two numbers ({@link Union#numbers}), in {@link Union#union}. */
    public static final Exercisable<NumberUnion> NUMBER_UNION =
            new Exercisable<>("number_union", NumberUnion.class, Union::numbers);

    /** What {@code isinstance(x, C)} proves on each branch ({@link Narrowing#narrowIsinstance}), in {@link Narrowing}. */
    public static final Exercisable<IsinstanceNarrowing> ISINSTANCE_NARROWING =
            new Exercisable<>("isinstance_narrowing", IsinstanceNarrowing.class, Narrowing::narrowIsinstance);

    /** Growing and merging shared items ({@link ListItem.Reference}), in {@link ListItem}. */
    public static final Exercisable<ItemGeneralization> ITEM_GENERALIZATION =
            new Exercisable<>("item_generalization", ItemGeneralization.class, ListItem.REFERENCE);
}
