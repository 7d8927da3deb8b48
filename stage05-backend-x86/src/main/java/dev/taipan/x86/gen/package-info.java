/**
 * From low-level graphs to machine code, the first version: a naive frame per graph (every
 * variable a word at {@code [rbp - 8k]}), instruction selection one operation at a time into
 * fixed scratch registers, block arguments as parallel moves, a small runtime of system calls,
 * and the link into a static executable. {@link dev.taipan.x86.gen.Backend} is the entry;
 * {@code taipan translate} and {@code taipan exec --stage=x86} use it.
 */
package dev.taipan.x86.gen;
