package dev.taipan.annotator;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.FunctionGraph;

/** A block of a graph: where the annotator reads something, and so what it must re-flow when that thing generalises. */
public record Position(FunctionGraph graph, Block block) { }
