package io.cosmosdesk.cosmos;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class CosmosErrorsTest {

    @Test
    void transportFailuresGetTheirOwnSentences() {
        assertThat(CosmosErrors.classify(new CompletionException(new UnknownHostException("nope.documents.azure.com")))
                .userMessage()).contains("host name could not be found");
        assertThat(CosmosErrors.classify(new RuntimeException(new ConnectException("Connection refused"))).kind())
                .isEqualTo(ErrorKind.UNREACHABLE);
        assertThat(CosmosErrors.classify(new RuntimeException(new SSLHandshakeException("PKIX path building failed")))
                .kind()).isEqualTo(ErrorKind.CERTIFICATE);
    }

    @Test
    void aHandshakeThatTimedOutIsATimeoutNotACertificateProblem() {
        // Seen on a loaded machine: the SDK reports 503/10001 around netty's handshake timeout.
        CosmosDeskException e = CosmosErrors.classify(new RuntimeException(
                new io.netty.handler.ssl.SslHandshakeTimeoutException("handshake timed out after 10000ms")));
        assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(e.userMessage()).doesNotContain("certificate");
    }

    @Test
    void anExpectedOutcomeIsOneInfoLineAndOnlyTheUnexpectedGetsAWarningWithDiagnostics() {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(CosmosErrors.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
                new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        log.addAppender(events);
        try {
            RuntimeException changed = new CompletionException(new CosmosDeskException(ErrorKind.CHANGED_BY_SOMEONE_ELSE,
                    "Changed by someone else.", 412, 0, "act-1", 1, new IllegalStateException("3 KB of diagnostics")));
            CosmosErrors.map("Saving item 'a'", changed, java.util.Set.of(ErrorKind.CHANGED_BY_SOMEONE_ELSE));
            CosmosErrors.map("Saving item 'a'", changed);

            java.util.List<ch.qos.logback.classic.spi.ILoggingEvent> shown = events.list.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO)).toList();
            assertThat(shown).extracting(e -> e.getLevel().toString()).containsExactly("INFO", "WARN");
            assertThat(shown.get(0).getFormattedMessage())
                    .isEqualTo("Saving item 'a': CHANGED_BY_SOMEONE_ELSE (status 412/0, activity act-1)")
                    .doesNotContain("diagnostics");
            assertThat(shown.get(1).getFormattedMessage()).contains("3 KB of diagnostics");
        } finally {
            log.detachAppender(events);
        }
    }

    @Test
    void ourOwnErrorsPassThroughUnchanged() {
        CosmosDeskException readOnly = new CosmosDeskException(ErrorKind.READ_ONLY);
        assertThat(CosmosErrors.classify(new CompletionException(readOnly))).isSameAs(readOnly);
    }

    @Test
    void unknownFailuresKeepTheirMessageButNeverAKey() {
        String key = ConnectionProfile.EMULATOR_KEY;
        CosmosDeskException mapped = CosmosErrors.classify(
                new IllegalStateException("bad AccountEndpoint=https://x/;AccountKey=" + key + ";"));
        assertThat(mapped.kind()).isEqualTo(ErrorKind.UNKNOWN);
        assertThat(mapped.userMessage()).doesNotContain(key).contains("AccountKey=***");
        assertThat(mapped.details()).doesNotContain(key);
    }

    @Test
    void anUnclassifiedSdkFailureNamesTheOperationItsOwnMessageAndTheLog() {
        NullPointerException npe = new NullPointerException("Cannot invoke \"com.azure.cosmos.models.PartitionKind"
                + ".ordinal()\" because the return value of \"com.azure.cosmos.models.PartitionKeyDefinition.getKind()\""
                + " is null");
        CosmosDeskException mapped = CosmosErrors.map("Loading items of 'orders'", new CompletionException(npe));

        assertThat(mapped.kind()).isEqualTo(ErrorKind.UNKNOWN);
        assertThat(mapped.userMessage()).isEqualTo("Loading items of 'orders' failed: Cannot invoke"
                + " \"PartitionKind.ordinal()\" because the return value of \"PartitionKeyDefinition.getKind()\" is null"
                + " (NullPointerException). The full error is in the log (cosmosdesk.log).");
        assertThat(mapped.userMessage()).doesNotContain("Something went wrong");
        assertThat(mapped.getCause()).isSameAs(npe);
    }

    @Test
    void anUnclassifiedServiceAnswerNamesTheOperationAndStatus() {
        CosmosDeskException mapped = CosmosErrors.map("Running the query",
                com.azure.cosmos.BridgeInternal.createCosmosException(500, "Internal error in the query engine"));
        assertThat(mapped.kind()).isEqualTo(ErrorKind.UNKNOWN);
        assertThat(mapped.userMessage()).startsWith("Running the query failed: ")
                .contains("Internal error in the query engine").contains("(status 500)")
                .endsWith("The full error is in the log (cosmosdesk.log).")
                .doesNotContain("Something went wrong");
    }

    @Test
    void anUnclassifiedSentenceNeverCarriesAKeyAndStaysShort() {
        String key = ConnectionProfile.EMULATOR_KEY;
        CosmosDeskException mapped = CosmosErrors.map("Connecting",
                new IllegalStateException("bad AccountEndpoint=https://x/;AccountKey=" + key + ";" + "x".repeat(500)));
        assertThat(mapped.userMessage()).doesNotContain(key).contains("AccountKey=***").hasSizeLessThan(320);
        assertThat(CosmosErrors.map("Reading", new IllegalStateException()).userMessage())
                .isEqualTo("Reading failed: (IllegalStateException). The full error is in the log (cosmosdesk.log).");
    }

    @Test
    void forbiddenNamesTheBuiltInRoles() {
        assertThat(ErrorKind.FORBIDDEN.defaultSentence())
                .contains("Cosmos DB Built-in Data Reader").contains("Cosmos DB Built-in Data Contributor");
    }
}
