package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Constant;

/**
 * What sparse conditional constant propagation knows of one variable (Wegman and Zadeck,
 * "Constant propagation with conditional branches", TOPLAS 1991): nothing yet ({@code ⊤}: no
 * executed definition has given it a value), one constant, or that it varies ({@code ⊥}). A
 * variable only moves down, {@code ⊤} to a constant to {@code ⊥}, so the analysis ends: that is
 * what makes it <em>optimistic</em>. A loop's block argument starts at {@code ⊤}, takes the
 * constant the loop is entered with, and keeps it if the back edge brings back the same, where a
 * pessimistic folder, having to decide on the back edge before it knows what it carries, gives up.
 */
sealed interface ConstantLattice {

    /** {@code ⊤}: no value has reached the variable yet. */
    record Undefined() implements ConstantLattice { }

    /** Every value that reached the variable is this constant. */
    record Known(Constant value) implements ConstantLattice { }

    /** {@code ⊥}: two different values reach it, or one not known at translation time. */
    record Varying() implements ConstantLattice { }

    ConstantLattice UNDEFINED = new Undefined();
    ConstantLattice VARYING = new Varying();

    /** The greatest lower bound: what a variable is when both may reach it. */
    default ConstantLattice meet(ConstantLattice other) {
        return switch (this) {
            case Undefined u -> other;
            case Varying v -> this;
            case Known(Constant c) -> switch (other) {
                case Undefined u -> this;
                case Varying v -> other;
                case Known(Constant d) -> c.equals(d) ? this : VARYING;
            };
        };
    }
}
