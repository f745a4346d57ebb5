package io.chorus.sharing;

import java.security.SecureRandom;

/**
 * Short-link codes: 10 characters of the URL-safe base64 alphabet from a CSPRNG (60 bits), so a code tells nothing
 * about any other. The database keeps them unique within an organization (its key must hold the organization, to be
 * distributed by it), and a share is only written with a code no share of any organization has (see
 * {@code ShareService}), so a code names one share across the deployment.
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
