package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.ItemRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pages a query run has read, cached for Previous/Next, and which of them are shown: the rows, "1–100, more
 * available", and whether Previous and Next can go anywhere. Part of {@link QueryTabViewModel}; plain Java.
 */
final class QueryPages {

    private final List<QueryPage> pages = new ArrayList<>();
    private final ObservableList<QueryResult> results = FXCollections.observableArrayList();
    private final ObservableList<QueryResult> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyStringWrapper rangeLabel = new ReadOnlyStringWrapper(this, "rangeLabel", "");
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper(this, "canNext");
    private final ReadOnlyBooleanWrapper canPrevious = new ReadOnlyBooleanWrapper(this, "canPrevious");
    private int shownFrom = -1;
    private int shownTo = -1;
    private final BooleanSupplier idle;
    private final BooleanSupplier moreOnServer;

    /**
     * @param idle whether no run is reading now (no navigation meanwhile)
     * @param moreOnServer whether the run has pages not read yet
     */
    QueryPages(BooleanSupplier idle, BooleanSupplier moreOnServer) {
        this.idle = idle;
        this.moreOnServer = moreOnServer;
    }

    ObservableList<QueryResult> results() {
        return readOnlyResults;
    }

    ReadOnlyStringProperty rangeLabelProperty() {
        return rangeLabel.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canPreviousProperty() {
        return canPrevious.getReadOnlyProperty();
    }

    boolean isEmpty() {
        return pages.isEmpty();
    }

    int size() {
        return pages.size();
    }

    /** A new run: nothing read, nothing shown. */
    void clear() {
        pages.clear();
        show(-1, -1);
    }

    void add(QueryPage page) {
        pages.add(page);
    }

    void showLast() {
        show(pages.size() - 1, pages.size() - 1);
    }

    /**
     * Shows every page read. When all but the newest were shown already (Load all, page by page), only the newest
     * page's rows are appended: re-setting every row for each page made Load all quadratic in the rows shown.
     */
    void showAll() {
        int last = pages.size() - 1;
        if (shownFrom == 0 && shownTo == last - 1 && last > 0) {
            shownTo = last;
            rangeLabel.set(rangeOf(0, last, results.size() + pages.get(last).results().size()));
            results.addAll(pages.get(last).results());
            updateNavigation();
            return;
        }
        show(0, last);
    }

    /** Shows the cached page after the one shown; false when it has not been read yet. */
    boolean showNextCached() {
        if (shownTo + 1 < pages.size()) {
            show(shownTo + 1, shownTo + 1);
            return true;
        }
        return false;
    }

    void showPrevious() {
        if (shownFrom > 0) {
            show(shownFrom - 1, shownFrom - 1);
        }
    }

    /** After the run started or stopped reading. */
    void updateNavigation() {
        boolean now = idle.getAsBoolean();
        canPrevious.set(now && shownFrom > 0);
        canNext.set(now && (shownTo + 1 < pages.size() || (!pages.isEmpty() && moreOnServer.getAsBoolean())));
    }

    /** Drops deleted items from every cached page and shows the same pages again. */
    void remove(Set<ItemRef> gone) {
        java.util.Set<Integer> goneIdHashes = QueryResult.idHashes(gone);
        for (int i = 0; i < pages.size(); i++) {
            QueryPage p = pages.get(i);
            List<QueryResult> kept = p.results().stream().filter(r -> !r.isAnyOf(gone, goneIdHashes)).toList();
            pages.set(i, new QueryPage(p.number(), p.firstIndex(), kept, p.hasMore(), p.requestCharge(),
                    p.roundTrips(), p.retries(), p.duration(), p.activityId(), p.metrics(), p.indexAdvice()));
        }
        show(shownFrom, shownTo);
    }

    /** "1–5,000, more available" for pages {@code from} to {@code to} holding {@code rows} results. */
    private String rangeOf(int from, int to, int rows) {
        return QueryPage.rangeLabel(pages.get(from).firstIndex(), rows, pages.get(to).hasMore());
    }

    private void show(int from, int to) {
        shownFrom = from;
        shownTo = to;
        List<QueryResult> shown = new ArrayList<>();
        for (int i = Math.max(0, from); i <= to && i < pages.size(); i++) {
            shown.addAll(pages.get(i).results());
        }
        if (from < 0 || pages.isEmpty()) {
            rangeLabel.set("");
        } else if (from == to) {
            rangeLabel.set(pages.get(to).rangeLabel());
        } else {
            rangeLabel.set(rangeOf(from, to, shown.size()));
        }
        results.setAll(shown); // last: a view reacting to the rows finds the label and the rest already set
        updateNavigation();
    }
}
