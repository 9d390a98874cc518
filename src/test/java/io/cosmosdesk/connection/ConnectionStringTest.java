package io.cosmosdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cosmosdesk.cosmos.ConnectionProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionStringTest {

    private static final String KEY = ConnectionProfile.EMULATOR_KEY;

    @Test
    void parsesTheCanonicalForm() {
        ConnectionString parsed = ConnectionString.parse("AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey="
                + KEY + ";");
        assertThat(parsed.endpoint()).isEqualTo("https://acme.documents.azure.com:443/");
        assertThat(parsed.key()).isEqualTo(KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "  AccountEndpoint = https://acme.documents.azure.com:443/ ; AccountKey = {key} ;  ",
        "AccountEndpoint=https://acme.documents.azure.com:443/;;AccountKey={key};;;",
        "accountendpoint=https://acme.documents.azure.com:443/;ACCOUNTKEY={key}",
        "\"AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey={key};\"",
        "AccountKey={key};AccountEndpoint=https://acme.documents.azure.com:443/",
        "AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey={key};Database=orders;",
    })
    void forgivesWhitespaceQuotesCaseOrderAndExtraSemicolons(String text) {
        ConnectionString parsed = ConnectionString.parse(text.replace("{key}", KEY));
        assertThat(parsed.endpoint()).isEqualTo("https://acme.documents.azure.com:443/");
        assertThat(parsed.key()).isEqualTo(KEY);
    }

    @Test
    void namesWhatIsMissing() {
        assertThatThrownBy(() -> ConnectionString.parse("AccountKey=" + KEY))
                .hasMessageContaining("no AccountEndpoint");
        assertThatThrownBy(() -> ConnectionString.parse("AccountEndpoint=https://a.documents.azure.com:443/;"))
                .hasMessageContaining("no AccountKey");
        assertThatThrownBy(() -> ConnectionString.parse("AccountEndpoint=https://a.documents.azure.com:443/;AccountKey=;"))
                .hasMessageContaining("no AccountKey");
        assertThatThrownBy(() -> ConnectionString.parse("   ")).hasMessageContaining("Paste a connection string");
    }

    @Test
    void rejectsBadBase64WithoutEchoingTheKey() {
        String broken = KEY.substring(0, 40) + "!!" + KEY.substring(42);
        assertThatThrownBy(() -> ConnectionString.parse("AccountEndpoint=https://a.documents.azure.com:443/;AccountKey="
                + broken))
                .hasMessageContaining("not valid base64")
                .message().doesNotContain(broken);
        assertThatThrownBy(() -> ConnectionString.parse("AccountEndpoint=https://a.documents.azure.com:443/;AccountKey=ab$c"))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> ConnectionString.parse("AccountEndpoint=https://a.documents.azure.com:443/;AccountKey=YWJj"))
                .hasMessageContaining("too short");
    }

    @Test
    void rejectsNonHttpsEndpointsAndGarbage() {
        assertThatThrownBy(() -> ConnectionString.parse("AccountEndpoint=http://a.documents.azure.com/;AccountKey=" + KEY))
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> ConnectionString.parse("AccountEndpoint=not a url;AccountKey=" + KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectionString.parse("hello world"))
                .hasMessageContaining("not a name=value part");
        assertThatThrownBy(() -> ConnectionString.parse("AccountEndpoint=https://a/;AccountEndpoint=https://b/;AccountKey="
                + KEY)).hasMessageContaining("twice");
    }

    @Test
    void neverPrintsTheKey() {
        assertThat(ConnectionString.parse("AccountEndpoint=https://a.documents.azure.com:443/;AccountKey=" + KEY)
                .toString()).doesNotContain(KEY);
    }
}
