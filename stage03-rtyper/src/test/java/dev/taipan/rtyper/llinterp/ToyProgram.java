package dev.taipan.rtyper.llinterp;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.rtyper.image.Database;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rtyper would hand the llinterp, made by hand: a static-data database holding the
 * {@link ToyExceptions} and whatever prebuilt objects a test adds, laid out with the graphs
 * into a {@link LowLevelProgram}.
 */
public final class ToyProgram {

    private final Database db = new Database();
    private final ToyExceptions exceptions;

    public ToyProgram() {
        exceptions = new ToyExceptions(this);
    }

    public Database database() {
        return db;
    }

    public ToyExceptions exceptions() {
        return exceptions;
    }

    /** A prebuilt {@code rpy_string}, one per text. */
    public Prebuilt string(String text) {
        return db.convert(text.intern(), () -> new Prebuilt(ToyExceptions.STR, text.length(), Section.RODATA), s -> {
            for (int i = 0; i < text.length(); i++) {
                s.field("chars").item(i).set(text.charAt(i));
            }
        });
    }

    /** The constant pointer to the vtable of the exception class {@code name}. */
    public Constant vtable(String name) {
        return LLConstant.of(exceptions.vtable(name), ToyExceptions.VTABLE_PTR);
    }

    /** The constant pointer to the prebuilt instance of {@code name}. */
    public Constant instance(String name) {
        return LLConstant.of(exceptions.instance(name), ToyExceptions.INSTANCE_PTR);
    }

    /** The program: the image laid out now, so prebuilt objects are added before. */
    public LowLevelProgram program(LowLevelGraph entry, LowLevelGraph... others) {
        var graphs = new ArrayList<LowLevelGraph>(List.of(entry));
        graphs.addAll(List.of(others));
        return new LowLevelProgram(graphs, entry, db.layout(), exceptions);
    }
}
