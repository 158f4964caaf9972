package se.samverkan.api.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void textHasTheKnownDigest() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
    }

    @Test
    void listsOfBytesDifferWhereverTheirPartsSplit() {
        assertNotEquals(Sha256.hex(List.of(bytes("ab"), bytes("c"))), Sha256.hex(List.of(bytes("a"), bytes("bc"))));
        assertNotEquals(Sha256.hex(List.of(bytes("abc"))), Sha256.hex(List.of(bytes("abc"), bytes(""))));
        assertEquals(Sha256.hex(List.of(bytes("å"), bytes("ä"))), Sha256.hex(List.of(bytes("å"), bytes("ä"))));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
