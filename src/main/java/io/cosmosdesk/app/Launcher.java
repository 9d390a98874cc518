package io.cosmosdesk.app;

import javafx.application.Application;

/**
 * The jar's main class. It must not extend {@link Application}: a main class that does makes the
 * JDK's launcher demand JavaFX on the module path ("JavaFX runtime components are missing").
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(CosmosDeskApp.class, args);
    }
}
