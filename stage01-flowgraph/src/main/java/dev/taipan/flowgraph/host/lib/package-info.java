/**
 * Python 3.11 semantics on plain Java values, for the host interpreter: the methods of
 * {@code str} ({@link dev.taipan.flowgraph.host.lib.StrMethods}), {@code int(str, base)} and
 * {@code float(str)} ({@link dev.taipan.flowgraph.host.lib.IntParsing},
 * {@link dev.taipan.flowgraph.host.lib.FloatParsing}), and the three ways Python turns numbers
 * into text: {@code repr}/{@code round} ({@link dev.taipan.flowgraph.host.lib.FloatFormat},
 * {@link dev.taipan.flowgraph.host.lib.IntFormat}), the format-spec mini-language
 * ({@link dev.taipan.flowgraph.host.lib.FormatSpec}) and {@code %}-formatting
 * ({@link dev.taipan.flowgraph.host.lib.PercentFormat}).
 *
 * <p>Strings are Java strings and one UTF-16 code unit stands for one Python character (so a
 * character outside the BMP counts as two, as on a "narrow" Python build) in the str methods;
 * the Unicode predicates and case mappings look at whole code points, and the widths and
 * precisions of {@code format} and {@code %} count code points, as CPython does. Errors are {@link dev.taipan.flowgraph.host.lib.PyLibError}s
 * carrying the Python exception type and CPython's message. Each class is checked against
 * CPython 3.11 by a differential test when {@code /usr/bin/python3} is present.
 */
package dev.taipan.flowgraph.host.lib;
