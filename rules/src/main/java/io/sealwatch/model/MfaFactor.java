package io.sealwatch.model;

import java.util.Locale;

/** Second-factor classes, named as {@code policy.strong-mfa} names them. */
public enum MfaFactor {
    WEBAUTHN, FIDO2, U2F, HARDWARE_OTP, TOTP, SMS, VOICE, PUSH, EMAIL, NONE, UNKNOWN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static boolean isWire(String s) {
        for (MfaFactor f : values()) {
            if (f.wire().equals(s)) {
                return true;
            }
        }
        return false;
    }
}
