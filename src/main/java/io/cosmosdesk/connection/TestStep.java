package io.cosmosdesk.connection;

import io.cosmosdesk.cosmos.AccountProbe;

/** One line of "Test connection": a stage and how it went. */
public record TestStep(AccountProbe.Stage stage, Status status, String detail) {

    public enum Status { RUNNING, PASSED, FAILED }

    public String label() {
        return switch (stage) {
            case RESOLVE -> "Find the host";
            case REACH -> "Reach the endpoint";
            case TLS -> "Trust its certificate";
            case AUTHENTICATE -> "Sign in";
            case LIST_DATABASES -> "List databases";
        };
    }
}
