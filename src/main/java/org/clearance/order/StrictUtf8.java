package org.clearance.order;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes input bytes as UTF-8 (RFC 3629) and refuses anything else, naming the offset of the first bad byte:
 * a silently replaced byte would change a name that is then screened against sanctions lists.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** The bytes are not UTF-8: {@code offset} is the 0-based position of the first byte that is not. */
    public static final class InvalidUtf8Exception extends Exception {

        private final long offset;

        InvalidUtf8Exception(long offset) {
            super("invalid UTF-8 at byte offset " + offset + "; send the text encoded as UTF-8", null, false, false);
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }
    }

    /** The text of {@code bytes}, without a leading byte-order mark (editors on Windows write one). */
    public static String decode(byte[] bytes) throws InvalidUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidUtf8Exception(in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new InvalidUtf8Exception(in.position());
        }
        out.flip();
        if (out.hasRemaining() && out.charAt(0) == '\uFEFF') {
            out.position(1);
        }
        return out.toString();
    }

    /** Reads {@code bytes} from {@code source} into a split, reporting invalid UTF-8 as the input's only problem. */
    public static OrderInput.Split split(String source, byte[] bytes) {
        try {
            return OrderInput.split(source, decode(bytes));
        } catch (InvalidUtf8Exception e) {
            return new OrderInput.Split(java.util.List.of(), java.util.List.of(new InputProblem(source, "", e.getMessage())));
        }
    }
}
