package io.cosmosdesk.scripts;

/**
 * What a stored procedure answered: its body as JSON text (empty when it set none), its script log (empty when it
 * logged nothing), and what it cost.
 */
public record ExecutionResult(String resultJson, String scriptLog, double requestCharge) {

    public ExecutionResult {
        resultJson = resultJson == null ? "" : resultJson;
        scriptLog = scriptLog == null ? "" : scriptLog;
    }
}
