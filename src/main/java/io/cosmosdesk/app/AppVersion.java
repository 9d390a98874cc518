package io.cosmosdesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven filtered into {@code version.properties}. */
public final class AppVersion {

    private AppVersion() {
    }

    public static String current() {
        try (InputStream in = AppVersion.class.getResourceAsStream("/io/cosmosdesk/app/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
