package io.chorus.sharing;

import java.security.SecureRandom;

/**
 * Short-link codes: 10 characters of the URL-safe base64 alphabet from a CSPRNG (60 bits), so a code tells nothing
 * about any other. Uniqueness across the deployment is the database's job.
 */
final class ShareCodes {

    static final int LENGTH = 10;
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
            .toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShareCodes() {
    }

    static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
