package io.chorus.sharing.clicks;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Click ids: time-ordered (UUID version 7 layout, so that the primary key index grows at its right edge) and
 * unguessable: their 74 random bits come from a strong generator, so that nobody can report a conversion for a click
 * they did not see. Each thread draws its random bits from a buffer of its own, refilled a few hundred ids at a time,
 * so that the redirect neither contends on one generator nor pays for a generator call per click.
 */
public final class ClickIds {

    private static final int BUFFER_LONGS = 512;
    private static final ThreadLocal<Bits> BITS = ThreadLocal.withInitial(Bits::new);
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** The length of an id as text. */
    public static final int LENGTH = 36;

    private ClickIds() {
    }

    /** A new click id at {@code millis}. */
    public static UUID next(long millis) {
        Bits bits = BITS.get();
        long high = (millis << 16) | 0x7000L | (bits.next() & 0x0fffL);
        long low = (bits.next() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** Writes the id's canonical text (36 ASCII bytes, as {@link UUID#toString}) into {@code into} at {@code at}. */
    public static void write(UUID id, byte[] into, int at) {
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        at = hex(high >>> 32, 8, into, at);
        into[at++] = '-';
        at = hex(high >>> 16, 4, into, at);
        into[at++] = '-';
        at = hex(high, 4, into, at);
        into[at++] = '-';
        at = hex(low >>> 48, 4, into, at);
        into[at++] = '-';
        hex(low, 12, into, at);
    }

    private static int hex(long value, int digits, byte[] into, int at) {
        for (int i = digits - 1; i >= 0; i--) {
            into[at + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        return at + digits;
    }

    private static final class Bits {
        private final SecureRandom random;
        private final long[] buffer = new long[BUFFER_LONGS];
        private int used = BUFFER_LONGS;

        Bits() {
            try {
                random = SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("DRBG is part of every JDK since 9", e);
            }
        }

        long next() {
            if (used == BUFFER_LONGS) {
                byte[] bytes = new byte[BUFFER_LONGS * Long.BYTES];
                random.nextBytes(bytes);
                java.nio.ByteBuffer.wrap(bytes).asLongBuffer().get(buffer);
                used = 0;
            }
            return buffer[used++];
        }
    }
}
