/**
 * Stage 05: the x86-64 backend. PyPy translates through C and gcc; Taipan writes its own machine
 * code from the GC-transformed low-level graphs of stage 04: an encoder for the instruction
 * forms it uses, instruction selection, register allocation, System V frames, a small runtime
 * and an ELF writer for static executables. See the module's README.
 */
package dev.taipan.x86;
