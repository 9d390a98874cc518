package io.cosmosdesk.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what JavaFX's CSS engine warns about (the "javafx.css" logger: looked-up colours that do not
 * resolve, values that do not convert), so a GUI test can say its windows are styled without a complaint.
 * Stylesheets written against the theme's {@code -color-*} variables warn when a window lacks the theme.
 */
public final class CssWarnings implements AutoCloseable {

    /** Held so the logger, and the handler on it, outlive the test's reads. */
    private final Logger logger = Logger.getLogger("javafx.css");
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                String message = record.getMessage();
                if (record.getParameters() != null && record.getParameters().length > 0) {
                    message = new java.util.logging.SimpleFormatter().formatMessage(record);
                }
                warnings.add(message);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CssWarnings() {
        logger.addHandler(handler);
    }

    public static CssWarnings record() {
        return new CssWarnings();
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
