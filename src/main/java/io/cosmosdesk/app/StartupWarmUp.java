package io.cosmosdesk.app;

import io.cosmosdesk.json.Json;
import io.cosmosdesk.settings.Settings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * A head start on a second core: while JavaFX starts its toolkit (the launcher thread and the FX thread wait
 * for GTK), this thread configures logging, builds the shared Jackson mapper with the settings file's
 * (de)serialisers, and loads the app's classes the main window needs ({@value #CLASS_LIST}, read from the jar
 * and from the libraries). None of this needs JavaFX; classes are loaded, not initialised, so no JavaFX
 * class's static set-up can run here before the toolkit is up. Anything that fails here is only a head
 * start lost: the same work is then done where it is needed.
 */
final class StartupWarmUp {

    /** Classes (not from the JDK or JavaFX, which the runtime's CDS archive holds) loaded before the window shows. */
    static final String CLASS_LIST = "/io/cosmosdesk/app/startup-classes.txt";

    private StartupWarmUp() {
    }

    static void begin() {
        Thread thread = new Thread(StartupWarmUp::run, "startup-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            LoggerFactory.getILoggerFactory();
            StartupTrace.mark("warm-up: logging");
            Json.MAPPER.treeToValue(Json.MAPPER.valueToTree(Settings.defaults()), Settings.class);
            StartupTrace.mark("warm-up: Jackson and settings");
            loadClasses();
            StartupTrace.mark("warm-up: class list");
            // Verifying the audited write door loads the SDK's exception and Reactor's Retry types, from
            // azure-cosmos's signed jar (its signature is checked on first use): here, not on the UI thread.
            Class.forName("io.cosmosdesk.audit.AuditedWrites", true, StartupWarmUp.class.getClassLoader());
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            // only a head start: the window's own start path does the same work when it needs it
        }
        StartupTrace.mark("warm-up done");
    }

    private static void loadClasses() throws IOException {
        ClassLoader loader = StartupWarmUp.class.getClassLoader();
        try (InputStream list = StartupWarmUp.class.getResourceAsStream(CLASS_LIST)) {
            if (list == null) {
                return;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8));
            for (String name = lines.readLine(); name != null; name = lines.readLine()) {
                if (!name.isBlank() && !name.startsWith("#")) {
                    try {
                        Class.forName(name.strip(), false, loader);
                    } catch (ClassNotFoundException | LinkageError e) {
                        // a class renamed since the list was made: the list is a hint, the test names stale lines
                    }
                }
            }
        }
    }
}
