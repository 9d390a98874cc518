package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.CosmosErrors;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a query tab says about its run: the status line ("Running…", "Throttled, retrying (2/9)…", "100 results ·
 * 12.5 RU · 45 ms"), the sentence of a failure or refusal, where a syntax error is, and whether the request-unit limit
 * stopped it. Part of {@link QueryTabViewModel}; plain Java.
 */
final class QueryRunState {

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<QuerySyntaxError> syntaxError = new ReadOnlyObjectWrapper<>(this, "syntaxError");
    private final ReadOnlyBooleanWrapper limitReached = new ReadOnlyBooleanWrapper(this, "limitReached");

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<QuerySyntaxError> syntaxErrorProperty() {
        return syntaxError.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty limitReachedProperty() {
        return limitReached.getReadOnlyProperty();
    }

    boolean limitReached() {
        return limitReached.get();
    }

    /** A new run (or Go on): no error, no mark, no limit. */
    void clear() {
        error.set("");
        syntaxError.set(null);
        limitReached.set(false);
    }

    void say(String line) {
        status.set(line);
    }

    /** A refusal or a problem of the user's request, shown as a sentence; the status stays. */
    void refuse(String sentence) {
        error.set(sentence);
    }

    /**
     * After a page: the totals, and a page that needed retries says it was throttled, in the past: the page is in and
     * nothing is retrying any more ("Throttled, retrying (n/9)…" is said only while a retry waits). The totals lead:
     * at 1280 px the status has ~290 px.
     */
    void afterPage(QueryPage page, QueryTotals totals) {
        status.set(page.retries() > 0 ? String.format(Locale.ROOT, "%s · read after %d throttled %s", describe(totals),
                page.retries(), page.retries() == 1 ? "retry" : "retries") : describe(totals));
    }

    /**
     * A run that failed or was stopped: its sentence, the syntax error's place in the whole text ({@code offset}: where
     * the statement that ran starts in {@code wholeText}), the limit, and the totals of the pages read before. A
     * syntax error's sentence names the line and column the editor shows.
     */
    void failed(Throwable failure, String wholeText, int offset, boolean anyPage, QueryTotals totals) {
        if (failure instanceof QueryException stopped) {
            error.set(stopped.userMessage());
            limitReached.set(stopped.reason() == QueryException.Reason.REQUEST_UNIT_LIMIT);
            stopped.syntaxError().ifPresent(where -> {
                QuerySyntaxError inEditor = where.inWholeText(wholeText, offset);
                syntaxError.set(inEditor);
                error.set(inEditor.describe());
            });
        } else if (failure instanceof QueryInputException refused) {
            error.set(refused.userMessage());
        } else {
            error.set(CosmosErrors.classify(failure).userMessage());
        }
        status.set(anyPage ? describe(totals) : "");
    }

    /** Asked before Load all. */
    static String loadAllWarning(QueryTotals so, double requestUnitLimit) {
        return String.format(Locale.ROOT, "The pages read so far cost %,.2f RU for %,d results. Reading the rest may "
                + "cost much more on a large container. The run stops at the request-unit limit of %,.0f RU.",
                so.requestCharge(), so.results(), requestUnitLimit);
    }

    /** "100 results · 12.50 RU · 45 ms". */
    static String describe(QueryTotals t) {
        return String.format(Locale.ROOT, "%,d result%s · %,.2f RU · %,d ms", t.results(), t.results() == 1 ? "" : "s",
                t.requestCharge(), t.elapsed().toMillis());
    }
}
