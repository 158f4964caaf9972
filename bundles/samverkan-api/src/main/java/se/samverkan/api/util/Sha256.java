package se.samverkan.api.util;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 of text or bytes, as the platform's fingerprints, ETags and short stable ids use it. */
public final class Sha256 {

    private Sha256() {
    }

    /** The digest of the text's UTF-8 bytes, as 64 lower-case hex digits. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The digest of several byte arrays, each after its length, so that no two lists of arrays share one. */
    public static String hex(List<byte[]> parts) {
        MessageDigest digest = digest();
        for (byte[] part : parts) {
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
            digest.update(part);
        }
        return hex(digest);
    }

    /** What a {@link #digest()} fed piece by piece came to, as 64 lower-case hex digits. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A fresh SHA-256 digest, for a text hashed piece by piece (too large to hold whole). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
