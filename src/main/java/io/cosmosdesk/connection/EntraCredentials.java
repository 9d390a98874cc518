package io.cosmosdesk.connection;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.DeviceCodeCredentialBuilder;
import com.azure.identity.DeviceCodeInfo;
import com.azure.identity.InteractiveBrowserCredentialBuilder;
import io.cosmosdesk.cosmos.SignInMethod;
import java.util.function.Consumer;

/**
 * Builds Microsoft Entra ID credentials. DefaultAzureCredential honours {@code AZURE_TOKEN_CREDENTIALS}
 * (e.g. {@code prod}, {@code dev}) from the environment; desktop users without an Azure CLI login use the
 * browser or a device code instead.
 */
public class EntraCredentials {

    private final com.azure.core.util.Configuration configuration;

    /** Reads AZURE_TOKEN_CREDENTIALS and friends from the environment. */
    public EntraCredentials() {
        this(com.azure.core.util.Configuration.getGlobalConfiguration());
    }

    /** With an explicit configuration (tests pin AZURE_TOKEN_CREDENTIALS this way). */
    public EntraCredentials(com.azure.core.util.Configuration configuration) {
        this.configuration = configuration;
    }

    /** The public client id Azure tools use for interactive sign-in (Azure CLI's). */
    static final String PUBLIC_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    /**
     * @param tenantId optional; null or blank for the default tenant
     * @param deviceCode receives the code and URL to show the user (device-code sign-in only)
     */
    public TokenCredential create(SignInMethod method, String tenantId, Consumer<String> deviceCode) {
        String tenant = tenantId == null || tenantId.isBlank() ? null : tenantId.strip();
        return switch (method) {
            case AUTOMATIC -> {
                DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder().configuration(configuration);
                if (tenant != null) {
                    builder.tenantId(tenant);
                }
                yield builder.build();
            }
            case BROWSER -> {
                InteractiveBrowserCredentialBuilder builder = new InteractiveBrowserCredentialBuilder()
                        .clientId(PUBLIC_CLIENT_ID)
                        .redirectUrl("http://localhost");
                if (tenant != null) {
                    builder.tenantId(tenant);
                }
                yield builder.build();
            }
            case DEVICE_CODE -> {
                DeviceCodeCredentialBuilder builder = new DeviceCodeCredentialBuilder()
                        .clientId(PUBLIC_CLIENT_ID)
                        .challengeConsumer((DeviceCodeInfo info) -> deviceCode.accept(info.getMessage()));
                if (tenant != null) {
                    builder.tenantId(tenant);
                }
                yield builder.build();
            }
        };
    }
}
