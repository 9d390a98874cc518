package io.cosmosdesk.changes;

/**
 * Which change feed a Live changes tab reads: the latest version of each changed item (every account), or every
 * create, replace and delete (accounts with continuous backup, and the local server).
 */
public enum FeedMode {
    LATEST_VERSION("Latest version"),
    ALL_VERSIONS_AND_DELETES("All versions and deletes");

    private final String label;

    FeedMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
