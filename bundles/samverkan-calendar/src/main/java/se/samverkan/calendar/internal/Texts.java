package se.samverkan.calendar.internal;

import java.text.Normalizer;
import java.util.Locale;

/** Text helpers: content line folding by octets, slugs, language tags. */
public final class Texts {

    private Texts() {
    }

    /**
     * Folds content lines to at most 75 octets of UTF-8 (RFC 5545 3.1) without splitting a character. ical4j's own
     * folding counts chars, not octets, so Arabic or Tigrinya lines would be two or three times too long, and it can
     * split a surrogate pair.
     */
    public static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > 75) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** Lower-case ASCII letters and digits joined by single hyphens; accents are dropped ("Örebro" -> "orebro"). */
    public static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** The primary subtag of a language tag ("sv-SE" -> "sv"), null if it is no ISO 639 code. */
    public static String language(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }
}
