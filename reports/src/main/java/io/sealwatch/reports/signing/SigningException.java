package io.sealwatch.reports.signing;

/** A key or signature problem. Messages name the file and the cause, never a password. */
public class SigningException extends Exception {
    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
