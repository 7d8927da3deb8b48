package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.CheckGraph;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;

/** The oracle for the rtyper's output: well formed (CheckGraph), every value typed, every operation low-level. */
public final class WellFormed {
    private WellFormed() { }

    public static void check(LowLevelGraph g) {
        CheckGraph.checkgraph(g.graph());
        for (Block b : g.graph().iterblocks()) {
            b.inputargs.forEach(v -> assertThat(g.hasType(v)).as(g.name() + " " + v).isTrue());
            for (SpaceOperation op : b.operations) {
                assertThat(op.op()).as(op.toString()).isInstanceOf(LLOp.class);
                assertThat(g.hasType(op.result())).as(op.toString()).isTrue();
                op.args().forEach(a -> checkValue(g, a, op.toString()));
            }
            for (Link l : b.exits) {
                l.args.forEach(a -> checkValue(g, a, g.name() + " " + l));
                if (l.isException()) {
                    assertThat(l.exitcase).as(l.toString()).isInstanceOf(LLConstant.class);
                    assertThat(g.hasType(l.lastException) && g.hasType(l.lastExcValue)).as(l.toString()).isTrue();
                }
            }
        }
    }

    private static void checkValue(LowLevelGraph g, Value a, String where) {
        if (a instanceof Constant c) {
            assertThat(c.value()).as(where).isInstanceOf(LLConstant.class);
        } else {
            assertThat(g.hasType((dev.taipan.flowgraph.flow.Variable) a)).as(where + ": " + a).isTrue();
        }
    }
}
