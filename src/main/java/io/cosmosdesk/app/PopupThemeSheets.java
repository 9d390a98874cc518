package io.cosmosdesk.app;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Gives popups (tooltips, menus, combo-box lists) the theme's {@code -color-*} variables on their own nodes. A shown
 * popup gets its window's stylesheets copied and looks the theme's variables up through its owner chain, whose first
 * link JavaFX holds weakly; when the chain no longer reaches a styled root the variables are missing, and our
 * {@code .tooltip} rule failed with "String cannot be cast to Paint" (seen in CI and under load). Every window
 * carrying the app's stylesheet also carries the current theme's popup sheet (the variables copied from the theme's
 * {@code .root}, on {@code .tooltip}, {@code .context-menu} and {@code .combo-box-popup}), which popups copy with the
 * rest, so a popup resolves the colours on itself whatever its owner chain.
 */
public final class PopupThemeSheets {

    private static Theme current = Theme.LIGHT;
    private static boolean installed;

    private PopupThemeSheets() {
    }

    /** FX thread: from now on every window with the app's stylesheet gets {@code theme}'s popup sheet. */
    public static void follow(Theme theme) {
        current = theme;
        if (!javafx.application.Platform.isFxApplicationThread()) {
            return; // a benchmark's or test's set-up before the toolkit's thread: the first call on it installs
        }
        if (!installed) {
            installed = true;
            Window.getWindows().addListener((ListChangeListener<Window>) change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(PopupThemeSheets::dress);
                }
            });
        }
        List.copyOf(Window.getWindows()).forEach(PopupThemeSheets::dress);
    }

    /** {@code window}'s scene with the current theme's popup sheet, if it carries the app's stylesheet. */
    private static void dress(Window window) {
        Scene scene = window.getScene();
        if (scene == null || !scene.getStylesheets().contains(Theme.APP_STYLESHEET)) {
            return;
        }
        String wanted = current.popupStylesheet();
        if (scene.getStylesheets().contains(wanted)) {
            return;
        }
        for (Theme theme : Theme.values()) {
            scene.getStylesheets().remove(theme.popupStylesheet());
        }
        scene.getStylesheets().add(wanted);
    }
}
