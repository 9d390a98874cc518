package io.cosmosdesk.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.List;

/**
 * What a bulk patch would do, found without writing: how many items are in scope, how many the operations apply
 * to (the rest would be refused by Cosmos DB, e.g. a replace of a path they lack), how many satisfy the condition
 * when that could be counted, and the before -> after of a sample.
 *
 * @param inScope items the scope selects
 * @param applicable of those, the items the operations apply to (computed locally, as the server would)
 * @param conditionMet of those in scope, how many satisfy the condition; -1 when there is none or it could not be
 *        counted (it is then checked by Cosmos DB for each item at Apply)
 */
public record DryRun(long inScope, long applicable, long conditionMet, List<Sample> samples) {

    /** One sampled item: before and after (after null when the operations do not apply: {@code problem} says why). */
    public record Sample(String id, PartitionKeyValue key, ObjectNode before, ObjectNode after, String problem,
            Boolean conditionMet) {
    }

    public DryRun {
        samples = List.copyOf(samples);
    }

    /** "Would patch 2 of 2 items." with what stops the rest. */
    public String summary() {
        StringBuilder text = new StringBuilder("Would patch ");
        long touched = conditionMet >= 0 ? Math.min(applicable, conditionMet) : applicable;
        text.append(touched).append(" of ").append(inScope).append(inScope == 1 ? " item." : " items.");
        if (applicable < inScope) {
            text.append(' ').append(inScope - applicable).append(" would be refused: the operations do not apply to ")
                    .append(inScope - applicable == 1 ? "it." : "them.");
        }
        if (conditionMet >= 0 && conditionMet < inScope) {
            text.append(' ').append(inScope - conditionMet).append(" do not satisfy the condition.");
        }
        return text.toString();
    }
}
