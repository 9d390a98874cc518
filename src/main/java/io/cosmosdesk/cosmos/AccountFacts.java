package io.cosmosdesk.cosmos;

import java.util.List;

/** What "Test connection" shows about an account. */
public record AccountFacts(String accountId, List<String> writableRegions, List<String> readableRegions,
        String defaultConsistency, int databaseCount) {

    public AccountFacts {
        writableRegions = List.copyOf(writableRegions);
        readableRegions = List.copyOf(readableRegions);
    }

    public String summary() {
        return "Account " + (accountId == null || accountId.isBlank() ? "(unnamed)" : accountId)
                + " · regions: " + (readableRegions.isEmpty() ? "(one)" : String.join(", ", readableRegions))
                + " · consistency: " + (defaultConsistency == null ? "?" : defaultConsistency)
                + " · " + databaseCount + (databaseCount == 1 ? " database" : " databases");
    }
}
