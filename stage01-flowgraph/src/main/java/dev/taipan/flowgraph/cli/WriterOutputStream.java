package dev.taipan.flowgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes in, characters out to a {@link Writer}. The CLI speaks in writers
 * ({@link Main#run} takes them, so that tests and notebooks can capture the output as text),
 * while a running program writes bytes through a {@link java.io.PrintStream}, as
 * {@code sys.stdout.buffer} does in CPython; this is the bridge. A multi-byte character split
 * across two writes is kept until its last byte arrives.
 */
final class WriterOutputStream extends OutputStream {
    private final Writer writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    WriterOutputStream(Writer writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int chunk = Math.min(length, pending.remaining());
            pending.put(bytes, offset, chunk);
            offset += chunk;
            length -= chunk;
            decodePending();
        }
    }

    /** Decodes what is complete; an unfinished character stays at the front of the buffer. */
    private void decodePending() throws IOException {
        pending.flip();
        while (true) {
            var result = decoder.decode(pending, chars, false);
            drainChars();
            if (result.isUnderflow()) {
                break;
            }
        }
        pending.compact();
    }

    private void drainChars() throws IOException {
        chars.flip();
        writer.write(chars.array(), chars.position(), chars.remaining());
        chars.clear();
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }
}
