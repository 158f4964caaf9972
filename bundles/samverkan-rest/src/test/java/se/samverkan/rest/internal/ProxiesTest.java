package se.samverkan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProxiesTest {

    private final Proxies proxies = Proxies.parse("10.0.0.5, 192.168.0.0/16, 2001:db8::/32");

    @Test
    void matchesAddressesAndRanges() {
        assertTrue(proxies.trusts("10.0.0.5"));
        assertFalse(proxies.trusts("10.0.0.6"));
        assertTrue(proxies.trusts("192.168.200.1"));
        assertFalse(proxies.trusts("192.169.0.1"));
        assertTrue(proxies.trusts("2001:db8:1::7"));
        assertFalse(proxies.trusts("2001:db9::1"));
        assertTrue(proxies.trusts("::ffff:10.0.0.5"), "an IPv4-mapped peer is the IPv4 address");
        assertFalse(proxies.trusts("proxy.example.se"), "names are not looked up");
        assertFalse(proxies.trusts(null));
    }

    @Test
    void theClientIsThePeerUnlessATrustedProxyForwardsIt() {
        assertEquals("203.0.113.9", proxies.client("203.0.113.9", "10.9.9.9"), "a client's own header proves nothing");
        assertEquals("203.0.113.9", proxies.client("10.0.0.5", "203.0.113.9"));
        // The client wrote 6.6.6.6 itself; the outer proxy appended what it saw, the inner one what it saw.
        assertEquals("203.0.113.9", proxies.client("10.0.0.5", "6.6.6.6, 203.0.113.9, 192.168.1.1"));
        assertEquals("10.0.0.5", proxies.client("10.0.0.5", "garbage"), "an unreadable hop stops the walk");
        assertEquals("10.0.0.5", proxies.client("10.0.0.5", null));
        assertEquals("203.0.113.9", Proxies.NONE.client("203.0.113.9", "6.6.6.6"));
    }

    @Test
    void httpsOnlyByTheConnectionOrATrustedProxy() {
        assertTrue(proxies.secure(true, "203.0.113.9", null));
        assertFalse(proxies.secure(false, "203.0.113.9", "https"));
        assertTrue(proxies.secure(false, "10.0.0.5", "HTTPS"));
        assertFalse(proxies.secure(false, "10.0.0.5", "http"));
    }

    @Test
    void aBadEntryIsNamed() {
        for (String bad : new String[] {"proxy.example.se", "10.0.0.0/33", "10.0.0.0/x", "::1/129"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Proxies.parse("10.0.0.1," + bad));
            assertEquals("trustedProxies: '" + bad + "' is not an IP address or a CIDR range (such as 10.0.0.0/8)",
                    e.getMessage());
        }
        assertFalse(Proxies.parse("").trusts("127.0.0.1"));
    }
}
