package se.samverkan.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;

import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.encryption.BasicEncryption;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    private final Encryption hashing = new PasswordHashing(1000, Clock.systemUTC()).createEncryption(Map.of());

    @Test
    void storesASaltedPbkdf2HashWithItsIterations() {
        String first = hashing.encryptPassword("correct horse");
        String second = hashing.encryptPassword("correct horse");
        assertTrue(first.matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), first);
        assertNotEquals(first, second, "each password gets its own salt");
        assertTrue(hashing.checkPassword("correct horse", first));
        assertTrue(hashing.checkPassword("correct horse", second));
        assertFalse(hashing.checkPassword("correct horse!", first));
        assertFalse(hashing.checkPassword("", first));
    }

    @Test
    void aStoredPasswordKeepsItsIterationsWhenTheSettingChanges() {
        String stored = hashing.encryptPassword("pw");
        Encryption stronger = new PasswordHashing(2000, Clock.systemUTC()).createEncryption(Map.of());
        assertTrue(stronger.checkPassword("pw", stored));
        assertTrue(stronger.encryptPassword("pw").startsWith("pbkdf2-sha256$2000$"));
    }

    /** What Karaf's "basic" encryption wrote until now (etc/org.apache.karaf.jaas.cfg: SHA-256, hexadecimal). */
    @Test
    void unsaltedSha256DigestsOfKarafsBasicEncryptionStillVerify() {
        String legacy = new BasicEncryption(Map.of("algorithm", "SHA-256", "encoding", "hexadecimal"))
                .encryptPassword("demo-vanersborg");
        assertTrue(PasswordHashing.isLegacy(legacy), legacy);
        assertTrue(hashing.checkPassword("demo-vanersborg", legacy));
        assertTrue(hashing.checkPassword("demo-vanersborg", legacy.toLowerCase()));
        assertFalse(hashing.checkPassword("demo-trollhattan", legacy));
        assertFalse(PasswordHashing.isLegacy(hashing.encryptPassword("demo-vanersborg")));
    }

    @Test
    void aRememberedSuccessOpensNothingElse() {
        String stored = hashing.encryptPassword("pw");
        assertTrue(hashing.checkPassword("pw", stored));
        assertTrue(hashing.checkPassword("pw", stored), "remembered");
        assertFalse(hashing.checkPassword("pw2", stored));
        assertFalse(hashing.checkPassword("pw", hashing.encryptPassword("other")));
    }

    @Test
    void aDamagedEntryLetsNobodyIn() {
        for (String stored : new String[] {"", "pw", "pbkdf2-sha256$x$AAAA$AAAA", "pbkdf2-sha256$0$AAAA$AAAA",
                "pbkdf2-sha256$1000$!!$AAAA", "md5$1$AA$AA", "pbkdf2-sha256$1000$AAAA"}) {
            assertFalse(hashing.checkPassword("pw", stored), stored);
        }
        assertFalse(hashing.checkPassword(null, hashing.encryptPassword("pw")));
    }

    @Test
    void refusesANonsenseIterationCount() {
        assertEquals("password.iterations must be positive, not 0",
                assertThrows(IllegalArgumentException.class,
                () -> new PasswordHashing(0, Clock.systemUTC())).getMessage());
    }
}
