package io.cosmosdesk.cosmos;

/** The answer of a count: how many items match and what counting cost. */
public record ItemCount(long count, double requestCharge) {
}
