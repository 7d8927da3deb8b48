package dev.taipan.gc.layout;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.ContainerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type ids of one program, PyPy's {@code TypeLayoutBuilder}: one id per type of GC object
 * the program can have, that is every type it allocates ({@code malloc}, {@code malloc_varsize})
 * and every type of its prebuilt GC objects, numbered from 1 in the order first met (graphs in
 * program order, then the image), so that a translation is reproducible.
 *
 * <p>Only the types of objects that exist get an id: an abstract base class that is never
 * instantiated has none, and needs none, since a header always names the object's own type.
 */
public final class TypeIds {
    private final Map<ContainerType, TypeInfo> infos = new LinkedHashMap<>();

    /** The ids of every GC type {@code program} allocates or has prebuilt. */
    public static TypeIds of(LowLevelProgram program) {
        TypeIds ids = new TypeIds();
        for (LowLevelGraph g : program.graphs()) {
            g.graph().iterblocks().forEach(b -> {
                for (SpaceOperation op : b.operations) {
                    if (op.op() == LLOp.MALLOC || op.op() == LLOp.MALLOC_VARSIZE) {
                        ids.idOf(allocated(op));
                    }
                }
            });
        }
        for (Prebuilt p : program.image().objects()) {
            if (p.type().isGc()) {
                ids.idOf(p.type());
            }
        }
        return ids;
    }

    /** The id of {@code type}, given now if it has none yet. */
    public int idOf(ContainerType type) {
        return infos.computeIfAbsent(type, t -> TypeInfo.of(infos.size() + 1, t)).id();
    }

    public TypeInfo info(ContainerType type) {
        TypeInfo info = infos.get(type);
        if (info == null) {
            throw new IllegalArgumentException(type + " has no type id: the program neither allocates nor prebuilds one");
        }
        return info;
    }

    /** One more than the largest id: the rows of the type info table, whose row 0 is no type's. */
    public int idLimit() {
        return infos.size() + 1;
    }

    /** Every type's information, in id order (id 1 first). */
    public List<TypeInfo> all() {
        return new ArrayList<>(infos.values());
    }

    /** The type a malloc operation allocates: its first operand, a Void constant. */
    static ContainerType allocated(SpaceOperation op) {
        if (op.args().getFirst() instanceof Constant c && c.value() instanceof LLConstant k
                && k.value() instanceof ContainerType t) {
            return t;
        }
        throw new IllegalArgumentException(op + ": the type allocated is not a constant");
    }
}
