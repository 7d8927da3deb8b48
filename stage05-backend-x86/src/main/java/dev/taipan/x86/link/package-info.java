/**
 * The static linker: functions, constants, globals and the stage 03 image, each an
 * {@link dev.taipan.x86.link.InputSection} with its relocations, are placed, their relocations
 * resolved against final addresses, and written as an executable
 * ({@link dev.taipan.x86.link.Linker}, {@link dev.taipan.x86.link.ImageInput}).
 */
package dev.taipan.x86.link;
