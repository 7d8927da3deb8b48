/**
 * The x86-64 encoder: operands ({@link dev.taipan.x86.asm.Reg}, {@link dev.taipan.x86.asm.Xmm},
 * {@link dev.taipan.x86.asm.Mem}, {@link dev.taipan.x86.asm.Imm}), the
 * {@link dev.taipan.x86.asm.Assembler} that turns instructions into bytes, labels resolved in
 * place and relocations left for the ELF writer and the loader. Every form is checked byte for
 * byte against GNU {@code as} by the tests; the module README's chapter "The encoder" teaches
 * the encoding with a worked example.
 */
package dev.taipan.x86.asm;
