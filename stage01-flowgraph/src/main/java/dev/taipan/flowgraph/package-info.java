/** Stage 01: the front end (lexer, parser, bytecode compiler) and, later, flow graphs. */
package dev.taipan.flowgraph;
