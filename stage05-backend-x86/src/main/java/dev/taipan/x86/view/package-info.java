/**
 * {@code taipan view}: one function through every stage on one HTML page, source lines tied to
 * the bytecode and the machine instructions made for them. {@link dev.taipan.x86.view.Stages}
 * runs the stages, {@link dev.taipan.x86.view.TourPage} draws what they made; the code
 * generator's {@link dev.taipan.x86.gen.CodeListener} gives the line table.
 */
package dev.taipan.x86.view;
