package io.cosmosdesk.cosmos;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure the user can understand: a kind, one sentence to show, and the diagnostic facts
 * (status, substatus, activity id, request charge) for "Copy details". Never carries secrets.
 */
public final class CosmosDeskException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final String userMessage;
    private final int statusCode;
    private final int subStatusCode;
    private final String activityId;
    private final double requestCharge;
    private final String certificateFingerprint;

    public CosmosDeskException(ErrorKind kind, String userMessage, int statusCode, int subStatusCode,
            String activityId, double requestCharge, Throwable cause) {
        this(kind, userMessage, statusCode, subStatusCode, activityId, requestCharge, cause, null);
    }

    private CosmosDeskException(ErrorKind kind, String userMessage, int statusCode, int subStatusCode,
            String activityId, double requestCharge, Throwable cause, String certificateFingerprint) {
        super(userMessage, cause);
        this.certificateFingerprint = certificateFingerprint;
        this.kind = Objects.requireNonNull(kind);
        this.userMessage = userMessage == null ? kind.defaultSentence() : userMessage;
        this.statusCode = statusCode;
        this.subStatusCode = subStatusCode;
        this.activityId = activityId;
        this.requestCharge = requestCharge;
    }

    public CosmosDeskException(ErrorKind kind, String userMessage) {
        this(kind, userMessage, 0, 0, null, 0, null);
    }

    public CosmosDeskException(ErrorKind kind) {
        this(kind, kind.defaultSentence());
    }

    /** A {@link ErrorKind#CERTIFICATE} failure carrying the SHA-256 fingerprint of the certificate not trusted. */
    public static CosmosDeskException untrustedCertificate(String userMessage, String fingerprint, Throwable cause) {
        return new CosmosDeskException(ErrorKind.CERTIFICATE, userMessage, 0, 0, null, 0, cause, fingerprint);
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The sentence to show the user. */
    public String userMessage() {
        return userMessage;
    }

    public int statusCode() {
        return statusCode;
    }

    public int subStatusCode() {
        return subStatusCode;
    }

    /** May be null when the request never reached the service. */
    public String activityId() {
        return activityId;
    }

    public double requestCharge() {
        return requestCharge;
    }

    /** The SHA-256 fingerprint (colon-separated hex) of a certificate that was not trusted, when it could be read. */
    public Optional<String> certificateFingerprint() {
        return Optional.ofNullable(certificateFingerprint);
    }

    /** The text behind "Copy details": the sentence plus diagnostics, never credentials. */
    public String details() {
        StringBuilder text = new StringBuilder(userMessage);
        if (statusCode > 0) {
            text.append("\nStatus: ").append(statusCode);
            if (subStatusCode > 0) {
                text.append(" / substatus ").append(subStatusCode);
            }
        }
        if (activityId != null && !activityId.isBlank()) {
            text.append("\nActivity id: ").append(activityId);
        }
        if (getCause() != null) {
            text.append("\nCause: ").append(Secrets.redact(String.valueOf(getCause().getMessage())));
        }
        return text.toString();
    }
}
