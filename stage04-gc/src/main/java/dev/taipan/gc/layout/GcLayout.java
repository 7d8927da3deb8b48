package dev.taipan.gc.layout;

import dev.taipan.rtyper.Exercised;
import dev.taipan.rtyper.image.Image;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import java.util.ArrayList;
import java.util.List;

/**
 * A program's objects as a collector sees them: the type ids ({@link TypeIds}), their table
 * in the image ({@link TypeInfoTable}), and every prebuilt GC object's header written (its
 * type id, and the flags the collector wants prebuilt objects to have, e.g. "old" for a
 * generational one). The image is laid out again with the table in it; the graphs are the same.
 *
 * <p>The prebuilt objects are the program's own: their headers are written in place, so the
 * program given is consumed (its old image's bytes, copied when it was made, stay as they were).
 */
public record GcLayout(TypeIds ids, Prebuilt table, LowLevelProgram program) {

    public static GcLayout of(LowLevelProgram program, long prebuiltFlags) {
        TypeIds ids = TypeIds.of(program);
        List<Prebuilt> objects = new ArrayList<>(program.image().objects());
        for (Prebuilt p : objects) {
            if (p.type().isGc()) {
                p.setGcHeader(GcHeader.word(ids.idOf(p.type()), prebuiltFlags));
            }
        }
        Prebuilt table = TypeInfoTable.build(ids);
        objects.add(table);
        Image image = Exercised.IMAGE_LINKER.current().link(objects);
        return new GcLayout(ids, table, new LowLevelProgram(program.graphs(), program.entry(), image, program.exceptions()));
    }
}
