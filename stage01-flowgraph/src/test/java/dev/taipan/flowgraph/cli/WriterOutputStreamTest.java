package dev.taipan.flowgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WriterOutputStreamTest {

    @Test
    void charactersSplitAcrossWritesAreDecodedWhole() throws IOException {
        String text = "a\u00e9\u2713\ud83d\udc0dz";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringWriter sink = new StringWriter();
        try (var stream = new WriterOutputStream(sink)) {
            for (byte b : bytes) {
                stream.write(b);
            }
            stream.flush();
        }
        assertThat(sink).hasToString(text);
    }

    @Test
    void writesLargerThanTheBufferArriveInOrder() throws IOException {
        String text = "\u00e9x".repeat(10_000);
        StringWriter sink = new StringWriter();
        try (var stream = new WriterOutputStream(sink)) {
            stream.write(text.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(sink).hasToString(text);
    }

    @Test
    void malformedBytesBecomeReplacementCharacters() throws IOException {
        StringWriter sink = new StringWriter();
        try (var stream = new WriterOutputStream(sink)) {
            stream.write(new byte[] {'o', (byte) 0xff, 'k'});
        }
        assertThat(sink).hasToString("o\ufffdk");
    }
}
