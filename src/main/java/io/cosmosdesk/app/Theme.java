package io.cosmosdesk.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** Light and dark themes: AtlantaFX's Primer pair as the user-agent stylesheet, plus our own sheet. */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet(), "popups-light.css"),
    DARK(new PrimerDark().getUserAgentStylesheet(), "popups-dark.css");

    /** Our additions, written against AtlantaFX's {@code -color-*} looked-up colours so both themes fit. */
    public static final String APP_STYLESHEET = Theme.class.getResource("/io/cosmosdesk/app/cosmosdesk.css")
            .toExternalForm();

    private final String userAgentStylesheet;
    private final String popupStylesheet;

    Theme(String userAgentStylesheet, String popupSheet) {
        this.userAgentStylesheet = userAgentStylesheet;
        this.popupStylesheet = Theme.class.getResource("/io/cosmosdesk/app/" + popupSheet).toExternalForm();
    }

    /**
     * Global by nature (JavaFX has one user-agent stylesheet); tests reset it between classes. FX thread: windows
     * with the app's stylesheet get this theme's popup sheet ({@link PopupThemeSheets}).
     */
    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet);
        PopupThemeSheets.follow(this);
    }

    /**
     * The theme's {@code -color-*} variables on popups' own nodes ({@link PopupThemeSheets}); the sheet is written by
     * every build from the AtlantaFX jar's {@code .root} (packaging/PopupSheets.java), not kept in the sources.
     */
    public String popupStylesheet() {
        return popupStylesheet;
    }

    /** The name settings and the command line use: "light" or "dark". */
    public String settingsName() {
        return this == DARK ? "dark" : "light";
    }

    public static Theme fromName(String name) {
        return "dark".equalsIgnoreCase(name) ? DARK : LIGHT;
    }
}
