package se.samverkan.api.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import se.samverkan.api.util.TextDecoding.Decoded;

class TextDecodingTest {

    private static final String SWEDISH = "Körkortsteori;Läxhjälp;Svenska i vardagen";

    @Test
    void validUtf8IsUtf8WithoutAWarning() {
        Decoded decoded = TextDecoding.decode(SWEDISH.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(SWEDISH, decoded.text());
        assertEquals(StandardCharsets.UTF_8, decoded.charset());
        assertNull(decoded.warning());
    }

    @Test
    void whatSwedishExcelSavesIsReadAsWindows1252AndSaysSo() {
        Decoded decoded = TextDecoding.decode(SWEDISH.getBytes(TextDecoding.WINDOWS_1252), null);
        assertEquals(SWEDISH, decoded.text());
        assertEquals(TextDecoding.WINDOWS_1252, decoded.charset());
        assertTrue(decoded.warning().contains("read as Windows-1252"), decoded.warning());
    }

    @Test
    void aByteOrderMarkWinsOverTheDeclaredCharsetAndIsDropped() {
        byte[] text = ("\uFEFF" + SWEDISH).getBytes(StandardCharsets.UTF_8);
        assertEquals(SWEDISH, TextDecoding.decode(text, StandardCharsets.ISO_8859_1).text());
        assertEquals(SWEDISH, TextDecoding.decode(("\uFEFF" + SWEDISH).getBytes(StandardCharsets.UTF_16LE), null).text());
        assertEquals(SWEDISH, TextDecoding.decode(("\uFEFF" + SWEDISH).getBytes(StandardCharsets.UTF_16BE), null).text());
    }

    @Test
    void theDeclaredCharsetIsUsedAndBytesItCannotReadAreNamed() {
        byte[] latin1 = SWEDISH.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(SWEDISH, TextDecoding.decode(latin1, TextDecoding.charsetOf("text/calendar; charset=ISO-8859-1")).text());
        Decoded wrong = TextDecoding.decode(latin1, TextDecoding.charsetOf("text/calendar;charset=\"utf-8\""));
        assertEquals(StandardCharsets.UTF_8, wrong.charset());
        assertTrue(wrong.text().contains("\uFFFD"));
        assertTrue(wrong.warning().contains("3 character(s) could not be read as UTF-8"), wrong.warning());
    }

    @Test
    void anUnknownOrMissingCharsetParameterIsNone() {
        assertNull(TextDecoding.charsetOf("text/calendar"));
        assertNull(TextDecoding.charsetOf("text/calendar; charset=x-no-such-thing"));
        assertNull(TextDecoding.charsetOf(null));
    }
}
