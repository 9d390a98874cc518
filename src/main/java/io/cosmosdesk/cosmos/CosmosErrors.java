package io.cosmosdesk.cosmos;

import com.azure.cosmos.CosmosException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;

/**
 * The one place SDK and transport failures become {@link CosmosDeskException}s with user sentences.
 * Details go to the log once, here, with the activity id; never keys or tokens.
 */
public final class CosmosErrors {

    private static final Logger LOG = LoggerFactory.getLogger(CosmosErrors.class);
    private static final java.util.regex.Pattern QUERY_ERROR_MESSAGE = java.util.regex.Pattern.compile(
            "\\\\?\"errors\\\\?\"\\s*:\\s*\\[.*?\\\\?\"message\\\\?\"\\s*:\\s*\\\\?\"(.*?)\\\\?\"",
            java.util.regex.Pattern.DOTALL);

    private CosmosErrors() {
    }

    /** Maps any failure of a Cosmos call; {@code action} names what was attempted, e.g. "Saving item 'a1'". */
    public static CosmosDeskException map(String action, Throwable failure) {
        return map(action, failure, Set.of());
    }

    /**
     * {@link #map(String, Throwable)} for a call where some outcomes are part of the flow, not faults (a 412 that
     * opens the compare dialog, a 404 on a delete that means "already gone"): those get one INFO line without
     * the SDK's diagnostics; anything else is logged as a failure, with them.
     */
    public static CosmosDeskException map(String action, Throwable failure, Set<ErrorKind> expected) {
        CosmosDeskException mapped = classify(failure);
        if (expected.contains(mapped.kind())) {
            LOG.info("{}: {} (status {}/{}, activity {})", action, mapped.kind(), mapped.statusCode(),
                    mapped.subStatusCode(), mapped.activityId());
            return mapped;
        }
        if (mapped.kind() == ErrorKind.UNKNOWN && !(unwrap(failure) instanceof CosmosDeskException)) {
            // nothing we know: name the operation and the failure's own words, and keep the whole trace in the log
            LOG.warn("{} failed with an unclassified error (status {}/{}, activity {})", action, mapped.statusCode(),
                    mapped.subStatusCode(), mapped.activityId(), failure);
            return new CosmosDeskException(ErrorKind.UNKNOWN, unclassifiedSentence(action, failure),
                    mapped.statusCode(), mapped.subStatusCode(), mapped.activityId(), mapped.requestCharge(),
                    mapped.getCause() == null ? failure : mapped.getCause());
        }
        if (mapped.kind() != ErrorKind.CANCELLED) {
            LOG.warn("{} failed: {} (status {}/{}, activity {}): {}", action, mapped.kind(), mapped.statusCode(),
                    mapped.subStatusCode(), mapped.activityId(),
                    Secrets.redact(String.valueOf(rootCause(failure).getMessage())));
            LOG.debug("{} failure detail", action, failure);
        }
        return mapped;
    }

    /**
     * The sentence for a failure nothing else explains: "Loading items failed: Cannot invoke
     * "PartitionKind.ordinal()" because … is null (NullPointerException). The full error is in the log
     * (cosmosdesk.log)." Package names are dropped from the message, which is cut to one line of at most 200
     * characters; keys and tokens never appear.
     */
    static String unclassifiedSentence(String action, Throwable failure) {
        Throwable error = unwrap(failure);
        CosmosException cosmos = firstCosmosException(error);
        String message;
        String what;
        if (cosmos != null) {
            message = serviceMessage(cosmos);
            what = "status " + cosmos.getStatusCode();
        } else {
            Throwable root = error;
            while ((root.getMessage() == null || root.getMessage().isBlank()) && root.getCause() != null
                    && root.getCause() != root) {
                root = root.getCause();
            }
            message = root.getMessage() == null ? "" : Secrets.redact(root.getMessage());
            what = root.getClass().getSimpleName();
        }
        String shortMessage = shorten(firstLine(message));
        String subject = action == null || action.isBlank() ? "The Cosmos DB call" : action.strip();
        return subject + " failed: " + (shortMessage.isEmpty() ? "" : shortMessage + " ") + "(" + what + ")."
                + " The full error is in the log (cosmosdesk.log).";
    }

    /** Drops package qualifiers ("com.azure.cosmos.models.PartitionKind" -> "PartitionKind") and caps the length. */
    private static String shorten(String message) {
        String plain = message.replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])", "");
        while (plain.endsWith(".")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        return plain.length() > 200 ? plain.substring(0, 200) + "…" : plain;
    }

    /** Classifies without logging; for callers that decide themselves whether a failure is worth a log line. */
    public static CosmosDeskException classify(Throwable failure) {
        Throwable error = unwrap(failure);
        if (error instanceof CosmosDeskException known) {
            return known;
        }
        if (error instanceof CancellationException || error instanceof InterruptedException) {
            return new CosmosDeskException(ErrorKind.CANCELLED, ErrorKind.CANCELLED.defaultSentence(), 0, 0, null, 0,
                    error);
        }
        if (isSignInFailure(error)) {
            return EntraErrors.signInFailed(error);
        }
        CosmosException cosmos = firstCosmosException(error);
        if (cosmos != null) {
            return fromCosmos(cosmos);
        }
        return fromTransport(error, error);
    }

    /** The SDK wraps failures at client start ("Client initialization failed") around the service's answer. */
    private static CosmosException firstCosmosException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CosmosException cosmos) {
                return cosmos;
            }
        }
        return null;
    }

    private static boolean isSignInFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.azure.identity.CredentialUnavailableException
                    || t instanceof com.azure.core.exception.ClientAuthenticationException) {
                return true;
            }
        }
        return false;
    }

    private static CosmosDeskException fromCosmos(CosmosException e) {
        int status = e.getStatusCode();
        int sub = e.getSubStatusCode();
        ErrorKind kind = switch (status) {
            case 400 -> ErrorKind.BAD_REQUEST;
            case 401 -> ErrorKind.UNAUTHORIZED;
            case 403 -> sub == 5300 || sub == 5301 || sub == 5302 ? ErrorKind.FORBIDDEN : forbiddenOrOther(e);
            case 404 -> ErrorKind.NOT_FOUND;
            case 408 -> ErrorKind.TIMEOUT;
            case 409 -> ErrorKind.CONFLICT;
            case 412 -> ErrorKind.CHANGED_BY_SOMEONE_ELSE;
            case 413 -> ErrorKind.TOO_LARGE;
            case 429 -> ErrorKind.THROTTLED;
            case 503 -> ErrorKind.UNREACHABLE;
            default -> ErrorKind.UNKNOWN;
        };
        if (status == 0 || status == 503 || status == 408 || kind == ErrorKind.UNKNOWN) {
            // the SDK wraps transport failures in CosmosException with a gateway status; look inside
            CosmosDeskException transport = fromTransport(e.getCause() == null ? e : e.getCause(), e);
            if (transport.kind() != ErrorKind.UNKNOWN) {
                return new CosmosDeskException(transport.kind(), transport.userMessage(), status, sub,
                        e.getActivityId(), e.getRequestCharge(), e);
            }
        }
        String sentence = kind.defaultSentence();
        if (kind == ErrorKind.BAD_REQUEST) {
            sentence = "Cosmos DB rejected the request: " + firstLine(serviceMessage(e));
        } else if (kind == ErrorKind.FORBIDDEN) {
            String principal = principalOf(serviceMessage(e));
            if (principal != null) {
                sentence = sentence + " Principal: " + principal + ".";
            }
        } else if (kind == ErrorKind.UNKNOWN) {
            sentence = kind.defaultSentence() + " (status " + status + "): " + firstLine(serviceMessage(e));
        }
        return new CosmosDeskException(kind, sentence, status, sub, e.getActivityId(), e.getRequestCharge(), e);
    }

    private static ErrorKind forbiddenOrOther(CosmosException e) {
        String message = serviceMessage(e).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("firewall") || message.contains("ip address")) {
            return ErrorKind.UNREACHABLE;
        }
        return ErrorKind.FORBIDDEN;
    }

    private static CosmosDeskException fromTransport(Throwable error, Throwable reported) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return of(ErrorKind.UNREACHABLE,
                        "The account's host name could not be found: check the endpoint for typos.", reported);
            }
            if (t.getClass().getName().endsWith("SslHandshakeTimeoutException")) {
                // A TLS handshake that did not finish in time is a slow or overloaded server, not a certificate
                // problem: telling the user to trust a certificate would send them the wrong way.
                return of(ErrorKind.TIMEOUT, ErrorKind.TIMEOUT.defaultSentence(), reported);
            }
            if (t instanceof SSLException || t.getClass().getName().contains("CertPath")
                    || String.valueOf(t.getMessage()).contains("PKIX")) {
                return of(ErrorKind.CERTIFICATE, ErrorKind.CERTIFICATE.defaultSentence(), reported);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t.getClass().getName().endsWith("ConnectTimeoutException")
                    || t.getClass().getName().contains("PrematureCloseException")) {
                return of(ErrorKind.UNREACHABLE, ErrorKind.UNREACHABLE.defaultSentence(), reported);
            }
            if (t instanceof TimeoutException || t.getClass().getName().contains("ReadTimeout")) {
                return of(ErrorKind.TIMEOUT, ErrorKind.TIMEOUT.defaultSentence(), reported);
            }
            if (t instanceof CancellationException || t instanceof InterruptedException) {
                return of(ErrorKind.CANCELLED, ErrorKind.CANCELLED.defaultSentence(), reported);
            }
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return of(ErrorKind.UNKNOWN, ErrorKind.UNKNOWN.defaultSentence() + " " + firstLine(Secrets.redact(message)),
                reported);
    }

    private static CosmosDeskException of(ErrorKind kind, String sentence, Throwable cause) {
        String activityId = cause instanceof CosmosException c ? c.getActivityId() : null;
        int status = cause instanceof CosmosException c ? c.getStatusCode() : 0;
        return new CosmosDeskException(kind, sentence, status, 0, activityId, 0, cause);
    }

    /** Strips reactor, completion and execution wrappers. */
    public static Throwable unwrap(Throwable failure) {
        Throwable error = Exceptions.unwrap(failure);
        while ((error instanceof CompletionException || error instanceof ExecutionException
                || Exceptions.isMultiple(error) || isReactiveWrapper(error)) && error.getCause() != null) {
            error = Exceptions.unwrap(error.getCause());
        }
        return error;
    }

    private static boolean isReactiveWrapper(Throwable error) {
        return error.getClass().getName().startsWith("reactor.core.Exceptions$")
                && error.getCause() instanceof InterruptedException;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String serviceMessage(CosmosException e) {
        String message = e.getShortMessage();
        if (message == null || message.isBlank()) {
            message = e.getMessage();
        }
        return message == null ? "" : Secrets.redact(message);
    }

    private static String principalOf(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("principal \\[([0-9a-fA-F-]{36})\\]").matcher(message);
        return m.find() ? m.group(1) : null;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String trimmed = text.strip();
        // a query the service cannot parse: Message: {"errors":[{"severity":"Error","location":{..},
        // "code":"SC1001","message":"Syntax error, incorrect syntax near 'AND'."}]} (maybe with escaped quotes)
        java.util.regex.Matcher queryError = QUERY_ERROR_MESSAGE.matcher(trimmed);
        if (queryError.find()) {
            return queryError.group(1);
        }
        // the service embeds its JSON error as {"code":..,"message":"Message: {\"Errors\":[\"...\"]}..."}
        int errors = trimmed.indexOf("\"Errors\":[\"");
        if (errors >= 0) {
            int start = errors + 11;
            int end = trimmed.indexOf('"', start);
            if (end > start) {
                return trimmed.substring(start, end);
            }
        }
        int newline = trimmed.indexOf('\n');
        String line = newline < 0 ? trimmed : trimmed.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
