package org.clearance.lists;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes list files as strict UTF-8. A byte that is not UTF-8, or a NUL byte, is an error naming its line:
 * replacing it with another character would silently change a name that screening must match.
 */
public final class TextFiles {

    private TextFiles() {
    }

    public static String read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file.getFileName() == null ? file.toString() : file.getFileName().toString());
    }

    /** The text of {@code bytes}; throws {@link ListFormatException} at the first invalid byte or NUL. */
    public static String decode(byte[] bytes, String fileName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw ListFormatException.atLine(fileName, lineOf(bytes, at), String.format(
                    "byte 0x%02X is not valid UTF-8; save the file as UTF-8", bytes[at] & 0xFF));
        }
        decoder.flush(out);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw ListFormatException.atLine(fileName, lineOf(bytes, i), "holds a NUL byte, which no list format allows");
            }
        }
        out.flip();
        return out.toString();
    }

    private static long lineOf(byte[] bytes, int position) {
        long line = 1;
        for (int i = 0; i < position; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
