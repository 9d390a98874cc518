package io.cosmosdesk.cosmos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void redactsKeysSignaturesAndTokens() {
        String key = ConnectionProfile.EMULATOR_KEY;
        assertThat(Secrets.redact("AccountEndpoint=https://a:443/;AccountKey=" + key + ";"))
                .isEqualTo("AccountEndpoint=https://a:443/;AccountKey=***;");
        assertThat(Secrets.redact("authorization: type%3Dmaster%26ver%3D1.0%26sig%3DabcDEF123"))
                .doesNotContain("abcDEF123");
        assertThat(Secrets.redact("Authorization: Bearer eyJ0eXAi.eyJhdWQi.sig-part"))
                .isEqualTo("Authorization: Bearer ***");
        assertThat(Secrets.redact("the key is " + key)).isEqualTo("the key is ***");
        assertThat(Secrets.redact(null)).isNull();
    }

    @Test
    void credentialsNeverPrintTheirKey() {
        assertThat(new Credentials.AccountKey(ConnectionProfile.EMULATOR_KEY).toString())
                .doesNotContain(ConnectionProfile.EMULATOR_KEY);
    }
}
