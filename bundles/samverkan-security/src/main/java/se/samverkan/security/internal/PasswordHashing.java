package se.samverkan.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Karaf's own encryption services store passwords as unsalted digests ("basic") or need libraries this platform
 * does not ship; this one, selected by {@code encryption.name = samverkan} in etc/org.apache.karaf.jaas.cfg,
 * stores {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (PBKDF2 with HMAC-SHA-256, a random 16-byte salt per password,
 * both Base64), so equal passwords look different and each guess at a stolen file costs the iterations.
 * Digests written earlier by "basic" with SHA-256 in hexadecimal still verify; setting the password again stores
 * it salted.
 *
 * <p>Basic authentication checks the password on every request, so a successful check is remembered for a few
 * minutes (keyed by an HMAC of the stored hash and the password under a key that lives only in memory): a client
 * making many writes pays the iterations once, a guess that fails always pays them.
 */
@Component(service = EncryptionService.class, property = "name=" + PasswordHashing.NAME,
        configurationPid = "se.samverkan.security", configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class PasswordHashing implements EncryptionService {

    static final String NAME = "samverkan";
    static final String SCHEME = "pbkdf2-sha256";
    private static final Pattern LEGACY_SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Duration REMEMBER = Duration.ofMinutes(10);
    private static final int REMEMBER_MAX = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final Clock clock;
    private final byte[] memoryKey = new byte[32];
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    @Activate
    public PasswordHashing(AccountsConfig config) {
        this(config.password_iterations(), Clock.systemUTC());
    }

    PasswordHashing(int iterations, Clock clock) {
        if (iterations < 1) {
            throw new IllegalArgumentException("password.iterations must be positive, not " + iterations);
        }
        this.iterations = iterations;
        this.clock = clock;
        RANDOM.nextBytes(memoryKey);
    }

    /** The options (algorithm, encoding) of etc/org.apache.karaf.jaas.cfg do not apply to this service. */
    @Override
    public Encryption createEncryption(Map<String, String> params) {
        return new Encryption() {
            @Override
            public String encryptPassword(String password) {
                return hash(password);
            }

            @Override
            public boolean checkPassword(String provided, String stored) {
                return verify(provided, stored);
            }
        };
    }

    String hash(String password) {
        return hash(password, iterations);
    }

    /**
     * A stored password as this service writes it, for a file written before the platform starts (a test's
     * administrator): Karaf rewrites users.properties to hash a password it finds in plain text, and a user
     * added meanwhile is lost from it.
     */
    public static String hash(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(password, salt, iterations));
    }

    boolean verify(String provided, String stored) {
        if (provided == null || stored == null) {
            return false;
        }
        String key = rememberKey(provided, stored);
        Instant now = clock.instant();
        Instant until = verified.get(key);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean ok = compute(provided, stored);
        if (ok) {
            if (verified.size() >= REMEMBER_MAX) {
                forgetExpired(now);
            }
            if (verified.size() < REMEMBER_MAX) {
                verified.put(key, now.plus(REMEMBER));
            }
        }
        return ok;
    }

    /** Whether a stored password is in the old unsalted form and should be set again. */
    static boolean isLegacy(String stored) {
        return LEGACY_SHA256_HEX.matcher(stored).matches();
    }

    private static boolean compute(String provided, String stored) {
        if (isLegacy(stored)) {
            byte[] digest = sha256(provided.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(digest, HexFormat.of().parseHex(stored.toLowerCase()));
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return rounds > 0 && MessageDigest.isEqual(expected, pbkdf2(provided, salt, rounds));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void forgetExpired(Instant now) {
        for (Iterator<Instant> it = verified.values().iterator(); it.hasNext(); ) {
            if (!now.isBefore(it.next())) {
                it.remove();
            }
        }
    }

    private String rememberKey(String provided, String stored) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(memoryKey, "HmacSHA256"));
            mac.update(stored.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(provided.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int rounds) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, rounds, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
