package dev.taipan.flowgraph.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sys, math, os, time, imports from the program's directory, and the rpython support package. */
class HostModulesTest {
    @TempDir
    Path dir;

    private String out(String program, Map<String, String> files) {
        HostRun r = HostRun.run(dir, program, files, List.of("x", "y"), "");
        assertThat(r.err()).isEmpty();
        return r.out();
    }

    @Test
    void sysModule() {
        assertThat(out("""
                import sys
                print(sys.argv[1:], sys.maxsize, sys.getrecursionlimit(), "sys" in sys.modules)
                def where():
                    return sys._getframe(1).f_code.co_name, sys._getframe(0).f_lineno
                def caller():
                    return where()
                print(caller())
                sys.stderr.write("")
                """, Map.of())).isEqualTo("['x', 'y'] 9223372036854775807 1000 True\n('caller', 4)\n");
    }

    @Test
    void mathModule() {
        assertThat(out("""
                import math
                print(math.pi, math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18), math.factorial(20))
                print(math.isclose(0.1 + 0.2, 0.3), math.log(math.e), math.log(8, 2), math.hypot(3, 4), math.inf > 10 ** 300)
                print(math.isqrt(99), math.comb(5, 2), math.trunc(-3.7), math.fsum([0.1] * 10), math.copysign(1, -0.0))
                """, Map.of())).isEqualTo("""
                3.141592653589793 4.0 -3 3 6 2432902008176640000
                True 1.0 3.0 5.0 True
                9 10 -3 1.0 -1.0
                """);
    }

    @Test
    void osAndTime() {
        HostRun r = HostRun.run(dir, """
                import os, time
                os.write(1, b"bytes\\n")
                os.write(1, "text\\n")
                fd = os.open("f.bin", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
                os.write(fd, b"abcdef")
                os.close(fd)
                fd = os.open("f.bin", os.O_RDONLY)
                print(os.read(fd, 4), os.read(fd, 10), os.read(fd, 10))
                os.close(fd)
                t = time.perf_counter()
                print(time.time() > 1.6e9, time.perf_counter() >= t)
                try:
                    os.open("nope", os.O_RDONLY)
                except OSError as e:
                    print(type(e).__name__)
                os.unlink("f.bin")
                for remove in [os.unlink, os.remove]:
                    try:
                        remove("f.bin")
                    except OSError as e:
                        print(type(e).__name__, e.filename)
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("bytes\ntext\nb'abcd' b'ef' b''\nTrue True\nFileNotFoundError\n"
                + "FileNotFoundError f.bin\nFileNotFoundError f.bin\n");
    }

    @Test
    void importsModulesAndPackagesNextToTheProgram() {
        assertThat(out("""
                import helper
                from helper import twice as tw
                import pkg.sub
                from pkg import sub, VALUE
                from pkg.sub import *
                print(helper.twice(4), tw(5), pkg.sub.name(), sub is pkg.sub, VALUE, exported, helper.__name__)
                import helper as again
                print(again is helper, helper.loads)
                """, Map.of(
                "helper.py", "loads = 1\nloads += 1\ndef twice(x):\n    return 2 * x\n",
                "pkg/__init__.py", "VALUE = 'pkg-value'\n",
                "pkg/sub.py", "from . import VALUE\nfrom .other import OTHER\nexported = OTHER\n"
                        + "def name():\n    return __name__ + ':' + VALUE\n",
                "pkg/other.py", "OTHER = 'other'\n")))
                .isEqualTo("8 10 pkg.sub:pkg-value True pkg-value other helper\nTrue 2\n");
    }

    @Test
    void supportPackageRunsOnTheHost() {
        assertThat(out("""
                import sys
                from rpython.rlib.rarithmetic import intmask, ovfcheck, r_uint
                from rpython.rlib.objectmodel import specialize, func_with_new_name, import_from_mixin, we_are_translated
                from rpython.rlib.jit import JitDriver, elidable
                from rpython.rlib.unroll import unrolling_iterable

                @specialize.argtype(0)
                def ident(x):
                    return x
                def base(x):
                    return x + 1
                renamed = func_with_new_name(base, "renamed")
                class Mixin:
                    def hello(self):
                        return "hello from " + type(self).__name__
                class Host:
                    import_from_mixin(Mixin)
                driver = JitDriver(greens=["pc"], reds=["acc"])
                driver.jit_merge_point(pc=0, acc=1)
                try:
                    ovfcheck(sys.maxsize + 1)
                except OverflowError as e:
                    print("overflow:", e)
                print(intmask(2 ** 63), r_uint(-1), ident._annspecialcase_, renamed.__name__, renamed(1))
                print(Host().hello(), Host.hello is not Mixin.hello, list(unrolling_iterable([1, 2])), we_are_translated())
                """, Map.of())).isEqualTo("""
                overflow: signed integer expression did overflow
                -9223372036854775808 18446744073709551615 specialize:argtype(0) renamed 2
                hello from Host True [1, 2] False
                """);
    }
}
