package se.samverkan.persistence.internal;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words for the free-text index: lower-case, without diacritics or Arabic vowel marks, so that
 * "Vänersborg", "vanersborg" and "VÄNERSBORG" all match; a query word matches as a prefix.
 */
final class Tokens {

    static final int MAX_LENGTH = 40;
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

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

    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.splitAsStream(plain.toLowerCase(Locale.ROOT))
                .filter(w -> w.length() >= 2)
                .map(w -> w.length() > MAX_LENGTH ? w.substring(0, MAX_LENGTH) : w)
                .distinct()
                .toList();
    }
}
