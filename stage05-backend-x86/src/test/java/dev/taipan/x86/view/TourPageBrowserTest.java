package dev.taipan.x86.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in a real browser: headless Chromium parses it, runs its script and draws it. The DOM
 * it dumps is the one it built (the script ran: the body is marked ready, and the tab named in
 * the address is the one shown), and its screenshot is a picture of the right size with text and
 * graphs in it, not a blank page. Skips where Chromium is not installed.
 */
class TourPageBrowserTest {
    private static final Path FIB = Path.of("../stage01-flowgraph/examples/fib.py");
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;

    @TempDir
    Path dir;

    Path chromium;
    Path page;

    @BeforeEach
    void writePage() throws IOException {
        chromium = onPath("chromium");
        assumeTrue(chromium != null, "chromium is not installed: skipping the browser test (apt-get install chromium)");
        page = dir.resolve("fib.html");
        Files.writeString(page, TourPage.html(Stages.tour(FIB, "fib", null, null)));
    }

    @Test
    void theBrowserBuildsEveryPanelAndRunsTheScript() throws Exception {
        String dom = chromium("--dump-dom", page.toUri() + "#show=machine");
        assertThat(dom).contains("data-ready=\"yes\"");   // set by the page's script, last
        for (String id : List.of("source", "bytecode", "flow", "annotated", "lowlevel", "gc", "machine")) {
            assertThat(dom).as(id).contains("id=\"" + id + "\"");
        }
        assertThat(dom).contains("<div class=\"tab active\" id=\"machine\">", "<div class=\"tab\" id=\"bytecode\">",
                "<tr data-line=\"11\">", "def fib(n):", "FOR_ITER");
        assertThat(dom.split("<svg", -1).length - 1).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theScreenshotIsAPictureOfThePage() throws Exception {
        Path shot = dir.resolve("fib.png");
        chromium("--screenshot=" + shot, "--window-size=" + WIDTH + "," + HEIGHT, "--hide-scrollbars", page.toUri().toString());
        assertThat(shot).exists();
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colors.add(image.getRGB(x, y));
            }
        }
        assertThat(colors.size()).as("distinct colours: text, the header, the panels").isGreaterThan(20);
        // the header bar is dark, the panels light: both are on the page
        assertThat(brightness(image.getRGB(WIDTH / 2, 5))).isLessThan(100);
        assertThat(brightness(image.getRGB(WIDTH / 2, HEIGHT - 5))).isGreaterThan(200);
    }

    private static int brightness(int rgb) {
        return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
    }

    /** Runs headless Chromium with its own profile in the test's directory; the generous limit only stops a hung browser. */
    private String chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish: " + String.join(" ", command));
        }
        assertThat(p.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Path onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return Path.of(d, tool);
            }
        }
        return null;
    }
}
