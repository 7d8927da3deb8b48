/**
 * Stage 01: from source text to flow graphs. The front end ({@code syntax}, {@code compiler})
 * turns Python source into the bytecode of {@code bytecode}; the host interpreter
 * ({@code host}) runs it, above all at import time, leaving the live objects that translation
 * starts from; the flow space ({@code flow}) turns their functions into flow graphs, which
 * stage 02's annotator types. {@code cli} is the {@code taipan} command that every stage
 * extends. The stage's README is the guide, with the classes in reading order.
 */
package dev.taipan.flowgraph;
