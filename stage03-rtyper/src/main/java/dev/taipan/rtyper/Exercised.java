package dev.taipan.rtyper;

import dev.taipan.flowgraph.Exercisable;
import dev.taipan.rtyper.image.Database;
import dev.taipan.rtyper.image.ImageLinker;
import dev.taipan.rtyper.image.SectionLinker;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.StructLayouter;
import dev.taipan.rtyper.lltype.SystemVStructLayout;
import dev.taipan.rtyper.rtyper.ClassNumbering;
import dev.taipan.rtyper.rtyper.PreorderNumbering;

/**
 * The parts of stage 03 that its graded exercises re-implement (see {@code exercises/stage03}),
 * each chosen through {@link Exercisable#current()} where the pipeline uses it. Their contract
 * tests (the {@code *Contract} classes in the test sources) test whatever is current, so the
 * same tests grade the reference here and a student's class in the exercises module.
 */
public final class Exercised {
    private Exercised() { }

    /** Where the fields of a struct go ({@link SystemVStructLayout}), in {@link Layout}: once per struct type. */
    public static final Exercisable<StructLayouter> STRUCT_LAYOUT =
            new Exercisable<>("struct_layout", StructLayouter.class, new SystemVStructLayout());

    /**
     * The class numbering that makes {@code isinstance} a range check ({@link PreorderNumbering}),
     * in the rtyper's class tree: once per rtyper.
     */
    public static final Exercisable<ClassNumbering> CLASS_NUMBERING =
            new Exercisable<>("class_numbering", ClassNumbering.class, new PreorderNumbering());

    /** Placing the prebuilt objects in the image ({@link SectionLinker}), in {@link Database#layout()}: once per database. */
    public static final Exercisable<ImageLinker> IMAGE_LINKER =
            new Exercisable<>("image_linker", ImageLinker.class, new SectionLinker());
}
