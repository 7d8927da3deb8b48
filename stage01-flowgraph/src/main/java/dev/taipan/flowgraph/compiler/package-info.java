/**
 * The bytecode compiler: Python ASTs ({@link dev.taipan.flowgraph.syntax.Ast}) to code objects
 * ({@link dev.taipan.flowgraph.bytecode.Code}).
 *
 * <p>Reading order:
 * <ol>
 *   <li>{@link dev.taipan.flowgraph.compiler.Scope} and
 *       {@link dev.taipan.flowgraph.compiler.SymbolTable}: where each name lives (fast local,
 *       cell, free, global, namespace name), decided before any code is emitted.</li>
 *   <li>{@link dev.taipan.flowgraph.compiler.CodeBuilder}: the assembler; labels, the exception
 *       table, the stack size.</li>
 *   <li>{@link dev.taipan.flowgraph.compiler.Compiler}: the tree walk; frame blocks, duplicated
 *       finally bodies, inlined comprehensions. The public entry points are here.</li>
 * </ol>
 * Its output is checked by {@link dev.taipan.flowgraph.bytecode.CodeVerifier} and printed by
 * {@link dev.taipan.flowgraph.bytecode.Disassembler}, both next to the bytecode model.
 */
package dev.taipan.flowgraph.compiler;
