package se.samverkan.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void wordsAreLowerCaseWithoutDiacriticsOrVowelMarks() {
        assertEquals(List.of("vanersborg", "simkurs", "for", "kvinnor", "2026"),
                Tokens.words("VÄNERSBORG: Simkurs för kvinnor, 2026!"));
        assertEquals(List.of("دورة", "سباحة"), Tokens.words("دَورة سِباحة"), "Arabic harakat are left out");
        assertEquals(List.of("ትምህርቲ", "ቋንቋ"), Tokens.words("ትምህርቲ ቋንቋ።"), "Tigrinya, split at its full stop");
        assertEquals(List.of("barashada", "luqadda"), Tokens.words("Barashada luqadda — a"), "one letter is no word");
        assertEquals(List.of("a".repeat(Tokens.MAX_LENGTH)), Tokens.words("a".repeat(60) + " " + "A".repeat(50)),
                "long words are cut, then kept once");
        assertEquals(List.of(), Tokens.words(null));
        assertEquals(Set.of("sprakcafe", "samtal", "fika"),
                Tokens.of(List.of("Språkcafé – samtal", "Fika och samtal".substring(0, 4) + " samtal")));
    }

    /** The former implementation with regular expressions, as the definition the single pass must keep. */
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static List<String> byRegex(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.splitAsStream(plain.toLowerCase(Locale.ROOT)).filter(w -> w.length() >= 2)
                .map(w -> w.length() > Tokens.MAX_LENGTH ? w.substring(0, Tokens.MAX_LENGTH) : w).distinct().toList();
    }

    @Test
    void theSinglePassSplitsAsTheRegularExpressionsDid() {
        String alphabet = "aåäöÅÄÖéüßxyzAZ019٣½Ⅻ ,.;:-–_'\"\t\n!?()دَورةሰላምΣσςΟΔΟΣ\u0301\u0308\u064B\u20DD中文𝔘𝔫𝔦😀İıǅ";
        Random random = new Random(5545);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                int at = random.nextInt(alphabet.length());
                if (Character.isLowSurrogate(alphabet.charAt(at)) && at > 0) {
                    at--;
                }
                text.appendCodePoint(alphabet.codePointAt(at));
            }
            assertEquals(byRegex(text.toString()), Tokens.words(text.toString()), text::toString);
        }
    }
}
