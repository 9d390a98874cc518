package io.cosmosdesk.query;

import java.util.List;
import java.util.Objects;

/** A query as a tab holds it: the text, its parameters and where it runs. */
public record QueryDraft(String text, List<QueryParameter> parameters, QueryScope scope) {

    public QueryDraft {
        text = text == null ? "" : text;
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        scope = scope == null ? QueryScope.crossPartition() : scope;
    }

    public static QueryDraft of(String text) {
        return new QueryDraft(text, List.of(), QueryScope.crossPartition());
    }

    public QueryDraft withText(String value) {
        return new QueryDraft(Objects.requireNonNull(value), parameters, scope);
    }
}
