package se.samverkan.persistence.internal;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words for the free-text index: lower-case, without diacritics or Arabic vowel marks, so that
 * "Vänersborg", "vanersborg" and "VÄNERSBORG" all match; a query word matches as a prefix.
 */
final class Tokens {

    static final int MAX_LENGTH = 40;

    private Tokens() {
    }

    /** The distinct words of all the texts, each at least two characters. */
    static Set<String> of(Collection<String> texts) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String text : texts) {
            tokens.addAll(words(text));
        }
        return tokens;
    }

    /**
     * The text decomposed (NFD), without its combining marks, in lower case, split at every character that is
     * neither a letter nor a number; one pass over the characters, since regular expressions made this most of
     * what indexing an activity cost.
     */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder plain = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> !isMark(c)).forEach(plain::appendCodePoint);
        String lower = plain.toString().toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        int start = -1;
        for (int i = 0; i <= lower.length(); ) {
            int c = i < lower.length() ? lower.codePointAt(i) : ' ';
            boolean inWord = Character.isLetter(c) || isNumber(c);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                if (i - start >= 2) {
                    words.add(lower.substring(start, Math.min(i, start + MAX_LENGTH)));
                }
                start = -1;
            }
            i += Character.charCount(c);
        }
        return List.copyOf(words);
    }

    /** Unicode category M: combining marks (Arabic vowel marks, the rings and dots of å, ä, ö once decomposed). */
    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** Unicode category N: digits and other numbers. */
    private static boolean isNumber(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
