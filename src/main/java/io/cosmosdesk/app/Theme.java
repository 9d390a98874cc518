package io.cosmosdesk.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** Light and dark themes: AtlantaFX's Primer pair as the user-agent stylesheet, plus our own sheet. */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet()),
    DARK(new PrimerDark().getUserAgentStylesheet());

    /** Our additions, written against AtlantaFX's {@code -color-*} looked-up colours so both themes fit. */
    public static final String APP_STYLESHEET = Theme.class.getResource("/io/cosmosdesk/app/cosmosdesk.css")
            .toExternalForm();

    private final String userAgentStylesheet;

    Theme(String userAgentStylesheet) {
        this.userAgentStylesheet = userAgentStylesheet;
    }

    /** Global by nature (JavaFX has one user-agent stylesheet); tests reset it between classes. */
    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet);
    }

    /** The name settings and the command line use: "light" or "dark". */
    public String settingsName() {
        return this == DARK ? "dark" : "light";
    }

    public static Theme fromName(String name) {
        return "dark".equalsIgnoreCase(name) ? DARK : LIGHT;
    }
}
