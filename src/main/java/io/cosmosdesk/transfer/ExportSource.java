package io.cosmosdesk.transfer;

import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an export reads: a whole container, the Items grid's current filter, or a query from the query tab.
 *
 * @param query the query as it runs (the grid's {@link ItemQuery#toSqlQuerySpec()}, or the query tab's text)
 * @param scope one logical partition to read, or null for all
 */
public record ExportSource(ContainerHandle container, SqlQuerySpec query, PartitionKeyValue scope) {

    private static final Pattern SELECT_ALL = Pattern.compile("^\\s*SELECT\\s+\\*\\s+FROM\\s+(\\w+)\\b(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CHANGES_COUNT = Pattern.compile(
            "\\b(TOP|OFFSET|LIMIT|GROUP|DISTINCT|JOIN|VALUE)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDER_BY = Pattern.compile("\\bORDER\\s+BY\\b", Pattern.CASE_INSENSITIVE);

    public ExportSource {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(query, "query");
    }

    /** Every item of the container. */
    public static ExportSource wholeContainer(ContainerHandle container) {
        return new ExportSource(container, new SqlQuerySpec("SELECT * FROM c"), null);
    }

    /** The items an Items grid shows for {@code query} (its filter and sort). */
    public static ExportSource of(ContainerHandle container, ItemQuery query) {
        return new ExportSource(container, query.toSqlQuerySpec(), null);
    }

    /** True when the query reads every item of the container (no filter, no partition scope). */
    public boolean isWholeContainer() {
        return scope == null && query.getQueryText().strip().equalsIgnoreCase("SELECT * FROM c");
    }

    /** One line for titles and reports: {@code retail/orders WHERE c.status = "paid"}, {@code retail/orders: SELECT …}. */
    public String describe() {
        String text = query.getQueryText().strip();
        Matcher select = SELECT_ALL.matcher(text);
        String where = select.matches() ? (select.group(2).isBlank() ? "" : " " + select.group(2).strip()) : ": " + text;
        String partition = scope == null ? "" : " (partition " + scope.display() + ")";
        return container.ref() + where + partition;
    }

    /**
     * What a user picks when choosing this source over the whole container: {@code Only the items matching WHERE
     * c.status = "paid"} for a grid filter, {@code Only the results of SELECT c.id FROM c} for a query.
     */
    public String describeSelection() {
        String text = query.getQueryText().strip();
        Matcher select = SELECT_ALL.matcher(text);
        String partition = scope == null ? "" : " in partition " + scope.display();
        if (select.matches() && select.group(2).isBlank()) {
            return "Only the items" + partition;
        }
        if (select.matches() && select.group(2).strip().regionMatches(true, 0, "ORDER BY", 0, 8)) {
            // No filter, only an order: every item, so "matching ORDER BY …" would read as a filter.
            return "Every item" + partition + ", in the query's order (" + select.group(2).strip() + ")";
        }
        if (select.matches()) {
            return "Only the items matching " + select.group(2).strip() + partition;
        }
        return "Only the results of " + text + partition;
    }

    /**
     * The query that counts what this source reads, for an ETA: only for {@code SELECT * FROM c …} queries whose
     * count is plain (no TOP, OFFSET, GROUP BY, DISTINCT, JOIN); any ORDER BY is dropped. Empty otherwise.
     */
    public Optional<SqlQuerySpec> countQuery() {
        Matcher select = SELECT_ALL.matcher(query.getQueryText());
        if (!select.matches()) {
            return Optional.empty();
        }
        String rest = select.group(2);
        if (CHANGES_COUNT.matcher(rest).find()) {
            return Optional.empty();
        }
        Matcher orderBy = ORDER_BY.matcher(rest);
        int lastOrderBy = -1;
        while (orderBy.find()) {
            lastOrderBy = orderBy.start();
        }
        if (lastOrderBy >= 0) {
            rest = rest.substring(0, lastOrderBy);
        }
        List<SqlParameter> parameters = new ArrayList<>(query.getParameters());
        String text = "SELECT VALUE COUNT(1) FROM " + select.group(1) + rest.stripTrailing();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        return Optional.of(new SqlQuerySpec(text, parameters));
    }
}
