/**
 * The ELF writer: already-placed machine code and data become a static x86-64 executable that
 * the Linux kernel loads by itself (no interpreter, no libc, no dynamic section).
 *
 * <p>It works in two phases, because code refers to data by address and an address is only known
 * once everything is placed:
 * <ol>
 *   <li>{@link dev.taipan.x86.elf.ElfLayout#plan} takes the <em>sizes</em> (and alignments) of
 *       the four program sections and chooses where each goes, in the file and in memory. A
 *       linker then resolves its relocations against {@link dev.taipan.x86.elf.ElfLayout#address}
 *       and produces the final bytes.
 *   <li>{@link dev.taipan.x86.elf.ElfWriter#write} takes those bytes, the symbols that name
 *       functions and data objects, and the entry symbol, and writes the file.
 * </ol>
 * The on-disk structures are records ({@link dev.taipan.x86.elf.ElfHeader},
 * {@link dev.taipan.x86.elf.ProgramHeader}, {@link dev.taipan.x86.elf.SectionHeader},
 * {@link dev.taipan.x86.elf.SymbolEntry}), each field documented with what the loader or a tool
 * makes of it; they all write through one {@link dev.taipan.x86.elf.LittleEndianWriter}. See
 * {@code docs/elf.md} in this module for the pictures of the file and of memory.
 */
package dev.taipan.x86.elf;
