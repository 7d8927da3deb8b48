package dev.taipan.exercises;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.flow.Exercised;
import java.util.List;

/**
 * Every exercise, in hand-out order. A new exercise is one line here, a folder with its task
 * text and starter, and a contract test in its stage (see {@code exercises/README.md}).
 */
public final class ExerciseCatalog {
    private ExerciseCatalog() {}

    private static final List<Exercise> ALL = List.of(
            new Exercise("stage01/ex1", "Joining a block into its only predecessor (simplification)",
                    Exercised.JOIN_BLOCKS, "stage01.ex1.StudentJoinBlocks",
                    "dev.taipan.flowgraph.flow.JoinBlocksContract"),
            new Exercise("stage01/ex2", "The framestate union at join points",
                    Exercised.FRAMESTATE_UNION, "stage01.ex2.StudentFrameStateUnion",
                    "dev.taipan.flowgraph.flow.FrameStateUnionContract"),
            new Exercise("stage01/ex3", "Removing dead operations (simplification)",
                    Exercised.REMOVE_DEAD_OPERATIONS, "stage01.ex3.StudentRemoveDeadOperations",
                    "dev.taipan.flowgraph.flow.RemoveDeadOperationsContract"),
            new Exercise("stage02/ex1", "The union of numbers (the annotator's lattice)",
                    dev.taipan.annotator.Exercised.NUMBER_UNION, "stage02.ex1.StudentNumberUnion",
                    "dev.taipan.annotator.NumberUnionContract"),
            new Exercise("stage02/ex2", "Narrowing on isinstance (knowntypedata)",
                    dev.taipan.annotator.Exercised.ISINSTANCE_NARROWING, "stage02.ex2.StudentIsinstanceNarrowing",
                    "dev.taipan.annotator.IsinstanceNarrowingContract"),
            new Exercise("stage02/ex3", "The shared item of lists that meet (ListItem: generalize, merge)",
                    dev.taipan.annotator.Exercised.ITEM_GENERALIZATION, "stage02.ex3.StudentItemGeneralization",
                    "dev.taipan.annotator.ItemGeneralizationContract"),
            new Exercise("stage03/ex1", "Where the fields of a struct go (x86-64 layout, GC header, inlined parent)",
                    dev.taipan.rtyper.Exercised.STRUCT_LAYOUT, "stage03.ex1.StudentStructLayout",
                    "dev.taipan.rtyper.lltype.StructLayoutContract"),
            new Exercise("stage03/ex2", "Numbering the classes so that isinstance is one range check",
                    dev.taipan.rtyper.Exercised.CLASS_NUMBERING, "stage03.ex2.StudentClassNumbering",
                    "dev.taipan.rtyper.rtyper.ClassNumberingContract"),
            new Exercise("stage03/ex3", "Linking the prebuilt objects into the image (placement, relocations)",
                    dev.taipan.rtyper.Exercised.IMAGE_LINKER, "stage03.ex3.StudentImageLinker",
                    "dev.taipan.rtyper.image.ImageLinkerContract"),
            new Exercise("stage04/ex1", "The collector's map of a type (size, GC pointers, items)",
                    dev.taipan.gc.Exercised.TYPE_LAYOUT, "stage04.ex1.StudentTypeLayout",
                    "dev.taipan.gc.layout.TypeLayoutContract"),
            new Exercise("stage04/ex2", "The shadow-stack roots: which GC pointers live across a collection",
                    dev.taipan.gc.Exercised.ROOT_LIVENESS, "stage04.ex2.StudentRootLiveness",
                    "dev.taipan.gc.gctransform.RootLivenessContract"),
            new Exercise("stage04/ex3", "The write barrier: which stores need one",
                    dev.taipan.gc.Exercised.WRITE_BARRIER_PLACEMENT, "stage04.ex3.StudentWriteBarrierPlacement",
                    "dev.taipan.gc.gctransform.WriteBarrierPlacementContract"),
            new Exercise("stage05/ex1", "Encoding a memory operand (REX.X/B, ModRM, SIB, displacement)",
                    dev.taipan.x86.Exercised.ADDRESS_ENCODING, "stage05.ex1.StudentAddressEncoder",
                    "dev.taipan.x86.asm.AddressEncodingContract"),
            new Exercise("stage05/ex2", "The parallel-move resolver: block arguments as single moves",
                    dev.taipan.x86.Exercised.PARALLEL_MOVES, "stage05.ex2.StudentParallelMoves",
                    "dev.taipan.x86.regalloc.ParallelMovesContract"),
            new Exercise("stage05/ex3", "Linear scan's spill choice: which value goes to memory",
                    dev.taipan.x86.Exercised.SPILL_CHOICE, "stage05.ex3.StudentSpillChoice",
                    "dev.taipan.x86.regalloc.SpillChoiceContract"));

    public static List<Exercise> all() {
        return ALL;
    }

    /** The exercise with this id ({@code stage01/ex1}); a user error if there is none. */
    public static Exercise find(String id) {
        String wanted = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        return ALL.stream().filter(e -> e.id().equals(wanted)).findFirst().orElseThrow(() -> new TaipanError(
                "no exercise '" + id + "' (taipan grade --list shows them all)"));
    }
}
