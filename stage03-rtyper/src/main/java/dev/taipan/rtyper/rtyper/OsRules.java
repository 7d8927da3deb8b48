package dev.taipan.rtyper.rtyper;

import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import java.util.List;
import java.util.Map;

/**
 * The functions of {@code os} and {@code time}, and the bytes methods {@code encode} and
 * {@code decode}: each is a call of an RPy helper of {@code rpython/rtyper/rposix.py}, which
 * makes the system call (an operation of the catalogue, {@code syscall_write}, ...) and raises
 * {@code OSError} from a negative result. A {@code bytes} value is a string at the low level
 * ({@link Repr#STR}), as PyPy's RPython has it, so slicing, {@code len}, {@code +} and
 * comparisons are the string rules'.
 */
final class OsRules {
    private OsRules() { }

    private static final String RPOSIX = "rpython.rtyper.rposix";

    /** A function: its helper and the reprs of its arguments. */
    private record Call(String helper, List<Repr> args) { }

    private static final Map<String, Call> FUNCTIONS = Map.ofEntries(
            Map.entry("os.write", new Call("ll_os_write", List.of(Repr.SIGNED, Repr.STR))),
            Map.entry("os.read", new Call("ll_os_read", List.of(Repr.SIGNED, Repr.SIGNED))),
            Map.entry("os.open", new Call("ll_os_open", List.of(Repr.STR, Repr.SIGNED, Repr.SIGNED))),
            Map.entry("os.close", new Call("ll_os_close", List.of(Repr.SIGNED))),
            Map.entry("os.unlink", new Call("ll_os_unlink", List.of(Repr.STR))),
            Map.entry("os.remove", new Call("ll_os_unlink", List.of(Repr.STR))),
            Map.entry("time.time", new Call("ll_time_time", List.of())),
            Map.entry("time.time_ns", new Call("ll_time_time_ns", List.of())),
            Map.entry("time.monotonic", new Call("ll_time_monotonic", List.of())),
            Map.entry("time.perf_counter", new Call("ll_time_monotonic", List.of())),
            Map.entry("time.perf_counter_ns", new Call("ll_time_monotonic_ns", List.of())));

    static boolean handlesBuiltin(String name) {
        return FUNCTIONS.containsKey(name);
    }

    /** {@code os.write(fd, data)} and the others; {@code os.open}'s mode defaults to 0o777, as CPython's. */
    static Value builtin(RTyper rtyper, HighLevelOp hop, String name) {
        Call call = FUNCTIONS.get(name);
        List<HighLevelOp.CallArg> given = hop.callArgs();
        if (!hop.keywords().isEmpty()) {
            throw hop.error(name + "() takes its arguments by position here");
        }
        boolean openWithoutMode = name.equals("os.open") && given.size() == 2;
        if (given.size() != call.args().size() && !openWithoutMode) {
            throw hop.error(name + "() takes " + call.args().size() + " arguments, not " + given.size());
        }
        Value[] args = new Value[call.args().size()];
        for (int i = 0; i < given.size(); i++) {
            args[i] = hop.convert(given.get(i).value(), given.get(i).repr(), call.args().get(i));
        }
        if (openWithoutMode) {
            args[2] = LLConstant.signed(0777);
        }
        Value r = hop.gendirectcall(new Helper(RPOSIX, call.helper()), args);
        return call.helper().equals("ll_os_close") || call.helper().equals("ll_os_unlink") ? rtyper.none() : r;
    }

    static boolean handlesMethod(String name) {
        return name.equals("str.encode") || name.equals("bytes.decode");
    }

    /** {@code s.encode()}, {@code b.decode()}: UTF-8, CPython's default (other codecs are refused). */
    static Value method(HighLevelOp hop, Repr.BuiltinMethodRepr m) {
        if (hop.nargs() > 1) {
            throw hop.error(m.name() + "() takes no arguments here: UTF-8 is the only codec");
        }
        return hop.gendirectcall(new Helper(RPOSIX, m.name().equals("str.encode") ? "ll_encode_utf8" : "ll_decode_utf8"),
                hop.convert(hop.arg(0), m.self(), Repr.STR));
    }
}
