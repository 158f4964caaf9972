package se.samverkan.api.util;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text from a partner's file or feed whose encoding nobody may have said: a byte-order mark, then the charset the
 * source declared (HTTP {@code Content-Type}), then UTF-8 if the bytes are valid UTF-8, else Windows-1252 (what
 * Swedish Excel and older Windows tools write; a superset of Latin-1 for text). Invalid bytes are replaced, never
 * silently: {@link Decoded#warning()} says so, as it says when Windows-1252 was guessed.
 */
public final class TextDecoding {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * @param text    without a byte-order mark
     * @param charset what it was read as
     * @param warning why the text may not be what the source meant (a guessed charset, replaced bytes); null if
     *                nothing was guessed or replaced
     */
    public record Decoded(String text, Charset charset, String warning) {
    }

    private TextDecoding() {
    }

    /** @param declared the charset the source named, null if none */
    public static Decoded decode(byte[] bytes, Charset declared) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return lenient(bytes, 3, StandardCharsets.UTF_8, "its byte-order mark");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return lenient(bytes, 2, StandardCharsets.UTF_16BE, "its byte-order mark");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return lenient(bytes, 2, StandardCharsets.UTF_16LE, "its byte-order mark");
        }
        if (declared != null) {
            return lenient(bytes, 0, declared, "the charset its source declared");
        }
        try {
            return new Decoded(strict(ByteBuffer.wrap(bytes), StandardCharsets.UTF_8), StandardCharsets.UTF_8, null);
        } catch (CharacterCodingException notUtf8) {
            Decoded guessed = lenient(bytes, 0, WINDOWS_1252, "a guess");
            String warning = "the text names no charset and is not valid UTF-8; it was read as Windows-1252";
            return new Decoded(guessed.text(), WINDOWS_1252,
                    guessed.warning() == null ? warning : warning + "; " + guessed.warning());
        }
    }

    /** The charset a {@code Content-Type} value names ({@code text/calendar; charset=ISO-8859-1}), null if none or unknown. */
    public static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].trim().replace("\"", ""));
                } catch (IllegalArgumentException unknown) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Decoded lenient(byte[] bytes, int skip, Charset charset, String why) {
        try {
            return new Decoded(strict(ByteBuffer.wrap(bytes, skip, bytes.length - skip), charset), charset, null);
        } catch (CharacterCodingException e) {
            String text = charset.decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            long replaced = text.chars().filter(c -> c == '\uFFFD').count();
            return new Decoded(text, charset, replaced + " character(s) could not be read as " + charset.name()
                    + " (named by " + why + ") and were replaced by U+FFFD");
        }
    }

    private static String strict(ByteBuffer bytes, Charset charset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
