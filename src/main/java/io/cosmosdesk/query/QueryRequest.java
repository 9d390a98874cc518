package io.cosmosdesk.query;

import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import io.cosmosdesk.cosmos.ContainerHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One run of a query text: the text exactly as it runs, its parameters, where, and how many results a page holds.
 *
 * @param indexMetrics ask the service for index metrics (advice) with the first page
 */
public record QueryRequest(ContainerHandle handle, String text, List<QueryParameter> parameters, QueryScope scope,
        int pageSize, boolean indexMetrics) {

    public static final List<Integer> PAGE_SIZES = List.of(10, 50, 100, 500, 1000);

    public QueryRequest {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(text, "text");
        parameters = List.copyOf(parameters);
        scope = scope == null ? QueryScope.crossPartition() : scope;
        pageSize = Math.max(1, Math.min(1000, pageSize));
    }

    /** The SDK query; parameter values are checked and converted here (a sentence when one cannot be). */
    public SqlQuerySpec toSqlQuerySpec() {
        if (text.isBlank()) {
            throw new QueryInputException("There is no query to run: type one, or put the cursor in one.");
        }
        List<SqlParameter> sql = new ArrayList<>();
        for (QueryParameter parameter : parameters) {
            sql.add(parameter.toSqlParameter());
        }
        return new SqlQuerySpec(text, sql);
    }

    /** What Export reads for this query: every result, with its parameters and scope. */
    public io.cosmosdesk.transfer.ExportSource toExportSource() {
        return new io.cosmosdesk.transfer.ExportSource(handle, toSqlQuerySpec(), scope.partitionKey());
    }
}
