package dev.taipan.rtyper.llannotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.rtyper.lltype.Array;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lltype} and {@code lloperation} on the host: a helper file builds the very Java types
 * the rtyper lays out at import time, {@code llop} computes with the catalogue's own
 * implementation, and what exists only at the low level (a pointer) or is wrong (a field that
 * is not a pair) is a Python error saying so.
 */
class LLTypeModuleTest {
    @TempDir
    Path dir;

    private HostInterpreter host;

    private PyModule load(String source) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
        LLTypeModule.install(host);
        return host.importFile(Files.writeString(dir.resolve("types.py"), source));
    }

    private String error(String source) {
        PyException e = catchThrowableOfType(PyException.class, () -> load(source));
        assertThat(e).isNotNull();
        return host.formatException(e).strip().lines().reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void importTimeBuildsTheJavaTypesAndLlopComputesAsTheCatalogue() throws Exception {
        PyModule m = load("""
                from rpython.rtyper.lltypesystem.lltype import Signed, Char, Ptr, GcStruct, Array
                from rpython.rtyper.lltypesystem.lloperation import llop

                STR = GcStruct('rpy_string', ('hash', Signed), ('chars', Array(Char)))
                SHOWN = repr(Ptr(STR))
                QUOTIENT = llop.int_floordiv(Signed, -7, 2)
                WRAPPED = llop.int_add(Signed, 9223372036854775807, 1)
                """);
        GcStruct str = (GcStruct) ((LowLevelTypeObject) m.get("STR")).lowLevelType();
        assertThat(str.fields()).containsExactly(new Field("hash", Primitive.SIGNED), new Field("chars", new Array(Primitive.CHAR)));
        assertThat(str.isVarsize()).isTrue();
        assertThat(HostInterpreter.repr(m.get("SHOWN"))).isEqualTo("'Ptr(GcStruct rpy_string)'");
        assertThat(m.get("QUOTIENT").toString()).isEqualTo("-3");   // C's division, towards zero
        assertThat(m.get("WRAPPED").toString()).isEqualTo("-9223372036854775808");
        assertThat(new LowLevelTypeObject(new Ptr(str))).isEqualTo(new LowLevelTypeObject(new Ptr(str)));
    }

    @Test
    void whatTheHostCannotDoIsAPythonErrorSayingWhy() {
        String header = "from rpython.rtyper.lltypesystem.lltype import Signed, GcStruct, malloc\n"
                + "from rpython.rtyper.lltypesystem.lloperation import llop\n";
        assertThat(error(header + "P = malloc(GcStruct('P', ('x', Signed)))\n"))
                .isEqualTo("TypeError: lltype.malloc() makes a pointer, which exists only at the low level: run the "
                        + "helper translated (the llinterp), not on the host");
        assertThat(error(header + "P = GcStruct('P', 'x')\n"))
                .isEqualTo("TypeError: lltype.GcStruct(): a field is a tuple (name, type), not 'x'");
        assertThat(error(header + "P = GcStruct('P', ('x', Signed), ('x', Signed))\n"))
                .isEqualTo("TypeError: lltype.GcStruct(): GcStruct P has two fields named 'x'");
        assertThat(error(header + "Q = llop.int_floordiv(Signed, 1, 0)\n")).startsWith("TypeError: llop.int_floordiv: undefined behaviour");
        assertThat(error(header + "Q = llop.no_such_op\n")).contains("AttributeError");
    }
}
