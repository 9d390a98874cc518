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
    void forbiddenNamesTheBuiltInRoles() {
        assertThat(ErrorKind.FORBIDDEN.defaultSentence())
                .contains("Cosmos DB Built-in Data Reader").contains("Cosmos DB Built-in Data Contributor");
    }
}
