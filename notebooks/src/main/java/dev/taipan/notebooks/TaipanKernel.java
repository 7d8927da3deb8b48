package dev.taipan.notebooks;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * The Jupyter side of a Taipan notebook: jjava-jupyter speaks the protocol (sockets, message
 * signing, iopub streams, the control channel), this class answers its requests with a
 * {@link CellEvaluator}.
 *
 * <p>Start-up is the kernel's one latency a reader feels. JShell's first compilation (javac
 * loading itself) takes most of a second, so the evaluator is built on a background thread
 * while the front end and the kernel exchange their first messages; the first cell waits for
 * it only if it arrives sooner.
 */
public final class TaipanKernel extends BaseKernel {
    private final CompletableFuture<CellEvaluator> evaluator;

    private TaipanKernel(String name, String version, JupyterIO io, CommManager comms, Renderer renderer,
            StringStyler errorStyler, CompletableFuture<CellEvaluator> evaluator) {
        super(name, version,
                new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell",
                        "java", "java", "script"),
                List.of(), null, io, comms, renderer, null, new MagicsRegistry(), false, errorStyler);
        this.evaluator = evaluator;
    }

    /** A kernel whose evaluator is already being built. */
    public static TaipanKernel start() {
        return new Builder().name("taipan").version("0.1.0").build();
    }

    @Override
    public void onStartup() {
        super.onStartup();
        Display.setSink(value -> display(render(value)));
    }

    @Override
    public void onShutdown(boolean restarting) {
        Display.setSink(null);
        evaluator.join().close();
        super.onShutdown(restarting);
    }

    @Override
    public Object evalRaw(String code) {
        Object value = evaluator.join().eval(code);
        return value == null ? null : render(value);
    }

    /** A cell value or a {@code show} argument as Jupyter display data. */
    static DisplayData render(Object value) {
        DisplayData data = new DisplayData();
        if (value instanceof Rich rich) {
            rich.mimeBundle().forEach(data::putData);
        } else {
            data.putText(String.valueOf(value));
        }
        return data;
    }

    /** Jupyter's interrupt (with {@code "interrupt_mode": "message"}, a control-channel request). */
    @Override
    public void interrupt() {
        evaluator.join().interrupt();
    }

    /** A failed cell's traceback: the evaluator's report, without the kernel's Java frames. */
    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellError cell) {
            return cell.report().lines().toList();
        }
        return super.formatError(e);
    }

    @Override
    public ReplacementOptions complete(String code, int cursor) {
        var c = evaluator.join().complete(code, cursor);
        return c.candidates().isEmpty() ? null : new ReplacementOptions(c.candidates(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        return evaluator.join().isComplete(code) ? IS_COMPLETE_YES : "    ";
    }

    @Override
    public DisplayData inspect(String code, int cursor, boolean detailed) {
        return null;
    }

    /** jjava-jupyter's builder supplies the protocol plumbing's defaults. */
    static final class Builder extends BaseKernelBuilder<Builder, TaipanKernel> {
        @Override
        public TaipanKernel build() {
            return new TaipanKernel(buildName(), buildVersion(), buildJupyterIO(buildJupyterIOEncoding()),
                    buildCommManager(), buildRenderer(), buildErrorStyler(),
                    CompletableFuture.supplyAsync(CellEvaluator::forTaipan));
        }
    }
}
