package io.amira.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The MD5 challenge answer Asterisk expects: lower-case hex of md5(challenge + secret). */
final class Md5 {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Md5() {
    }

    static String key(String challenge, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((challenge + secret).getBytes(StandardCharsets.UTF_8));
            char[] hex = new char[digest.length * 2];
            for (int i = 0; i < digest.length; i++) {
                hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
                hex[2 * i + 1] = HEX[digest[i] & 0xf];
            }
            return new String(hex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM offers no MD5, which every Java platform must", e);
        }
    }
}
