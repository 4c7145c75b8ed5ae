package io.amira.api;

/** Parses the numeric codes AMI headers carry, tolerating absent or malformed values. */
final class Codes {

    private Codes() {
    }

    static int parse(String value, int whenInvalid) {
        if (value == null) {
            return whenInvalid;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return whenInvalid;
        }
    }
}
