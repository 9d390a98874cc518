package io.cosmosdesk.app;

import ch.qos.logback.core.PropertyDefinerBase;

/** Tells logback.xml where the per-user log folder is. */
public final class LogDirectory extends PropertyDefinerBase {
    @Override
    public String getPropertyValue() {
        return AppDirectories.detect().logs().toString();
    }
}
