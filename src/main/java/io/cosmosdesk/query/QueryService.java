package io.cosmosdesk.query;

import com.azure.cosmos.CosmosDiagnosticsContext;
import com.azure.cosmos.implementation.CompositeIndexUtilizationEntity;
import com.azure.cosmos.implementation.IndexUtilizationInfo;
import com.azure.cosmos.implementation.QueryMetrics;
import com.azure.cosmos.implementation.SingleIndexUtilizationEntity;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.ModelBridgeInternal;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.json.CompactJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs Cosmos SQL queries as typed in a query tab: parameters as {@code SqlParameter}s, a scope, pages pulled one at
 * a time (see {@link QueryRun}), with request charges, query metrics and index advice per page.
 */
public class QueryService {

    /** Cross-partition queries may answer with empty pages; skip at most this many to find results. */
    private static final int MAX_EMPTY_PAGES_PER_PULL = 50;

    /**
     * Opens a run of {@code request}; nothing is sent before its first {@link QueryRun#next()}. Parameters and scope
     * are checked here, so a missing value is refused before any request.
     *
     * @throws QueryInputException when a parameter value or the scope cannot be used
     */
    public QueryRun open(QueryRequest request, QueryGuards guards) {
        SqlQuerySpec spec = request.toSqlQuerySpec();
        List<String> keyPaths = request.handle().info().partitionKeyPaths();
        request.scope().applyTo(new CosmosQueryRequestOptions(), keyPaths); // validates before anything is sent
        return new PagedQueryRun(request, guards,
                (token, budget, first, metrics) -> readPage(request, spec, token, budget, first, metrics),
                (token, metrics) -> streamPages(request, spec, token, metrics),
                (pages, took) -> toPageRead(pages, keyPaths, took));
    }

    /**
     * Every page from {@code token} on through one SDK stream, which reads ahead as fast as the service answers.
     *
     * @param metrics ask for query metrics with every page (they cost the service and the client time per page)
     */
    private static Flux<FeedResponse<JsonNode>> streamPages(QueryRequest request, SqlQuerySpec spec, String token,
            boolean metrics) {
        return Flux.defer(() -> {
            CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setQueryMetricsEnabled(metrics);
            request.scope().applyTo(options, request.handle().info().partitionKeyPaths());
            return queried(request).queryItems(spec, options, JsonNode.class)
                    .byPage(token, request.pageSize());
        });
    }

    private static Mono<PageRead> readPage(QueryRequest request, SqlQuerySpec spec, String token, double budget,
            boolean first, boolean metrics) {
        List<String> keyPaths = request.handle().info().partitionKeyPaths();
        return Mono.defer(() -> {
            CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setQueryMetricsEnabled(metrics);
            if (first && request.indexMetrics()) {
                options.setIndexMetricsEnabled(true);
            }
            request.scope().applyTo(options, keyPaths);
            long started = System.nanoTime();
            double[] spent = {0};
            return queried(request)
                    .queryItems(spec, options, JsonNode.class)
                    .byPage(token, request.pageSize())
                    .doOnNext(page -> spent[0] += page.getRequestCharge())
                    .takeUntil(page -> !page.getResults().isEmpty() || page.getContinuationToken() == null
                            || spent[0] >= budget)
                    .take(MAX_EMPTY_PAGES_PER_PULL)
                    .collectList()
                    .map(pages -> toPageRead(pages, keyPaths, Duration.ofNanos(System.nanoTime() - started)));
        });
    }

    /**
     * The container through a client that hands a 429 back at once: the run retries it itself and says so while it
     * waits ("Throttled, retrying (2/9)"), where the shared client would retry in silence.
     */
    private static com.azure.cosmos.CosmosAsyncContainer queried(QueryRequest request) {
        return request.handle().connection().containerWithoutThrottlingRetries(request.handle().ref());
    }

    /** One pull's answer before the run numbers it. */
    record PageRead(List<QueryResult> results, String continuationToken, double requestCharge, int roundTrips,
            int retries, Duration duration, String activityId, QueryMetricsSummary metrics, IndexAdvice advice) {
    }

    static PageRead toPageRead(List<FeedResponse<JsonNode>> pages, List<String> keyPaths, Duration took) {
        List<QueryResult> results = new ArrayList<>();
        List<io.cosmosdesk.cosmos.JsonPath> parsedKeyPaths = keyPaths.stream()
                .map(io.cosmosdesk.cosmos.JsonPath::fromPointer).toList();
        double charge = 0;
        String next = null;
        String activityId = null;
        List<QueryMetrics> metrics = new ArrayList<>();
        Set<CosmosDiagnosticsContext> contexts = Collections.newSetFromMap(new IdentityHashMap<>());
        try (CompactJson compact = new CompactJson()) {
            for (FeedResponse<JsonNode> page : pages) {
                results.addAll(QueryResult.ofPage(page.getResults(), parsedKeyPaths, compact));
            }
        }
        for (FeedResponse<JsonNode> page : pages) {
            charge += page.getRequestCharge();
            next = page.getContinuationToken();
            activityId = page.getActivityId() == null ? activityId : page.getActivityId();
            Map<String, QueryMetrics> map = ModelBridgeInternal.queryMetricsMap(page);
            if (map != null) {
                metrics.addAll(map.values());
            }
            if (page.getCosmosDiagnostics() != null && page.getCosmosDiagnostics().getDiagnosticsContext() != null) {
                contexts.add(page.getCosmosDiagnostics().getDiagnosticsContext());
            }
        }
        int roundTrips = 0;
        int retries = 0;
        for (CosmosDiagnosticsContext context : contexts) {
            roundTrips += context.getRequestInfo() == null ? 0 : context.getRequestInfo().size();
            retries += context.getRetryCount();
        }
        if (roundTrips == 0) {
            roundTrips = pages.size();
        }
        QueryMetrics summed = metrics.isEmpty() ? null : QueryMetrics.createFromCollection(metrics);
        return new PageRead(results, next, charge, roundTrips, retries, took, activityId, summary(summed),
                advice(metrics));
    }

    private static QueryMetricsSummary summary(QueryMetrics m) {
        if (m == null) {
            return QueryMetricsSummary.NONE;
        }
        Duration engine = m.getRuntimeExecutionTimes() == null ? Duration.ZERO
                : m.getRuntimeExecutionTimes().getQueryEngineExecutionTime();
        Duration functions = m.getRuntimeExecutionTimes() == null ? Duration.ZERO
                : m.getRuntimeExecutionTimes().getSystemFunctionExecutionTime();
        return new QueryMetricsSummary(m.getRetrievedDocumentCount(), m.getRetrievedDocumentSize(),
                m.getOutputDocumentCount(), m.getOutputDocumentSize(), m.getIndexHitDocumentCount(),
                orZero(m.getTotalQueryExecutionTime()), orZero(m.getIndexLookupTime()),
                orZero(m.getDocumentLoadTime()), orZero(engine), orZero(functions), true);
    }

    private static Duration orZero(Duration d) {
        return d == null ? Duration.ZERO : d;
    }

    private static IndexAdvice advice(List<QueryMetrics> metrics) {
        IndexAdvice advice = IndexAdvice.NONE;
        for (QueryMetrics m : metrics) {
            IndexUtilizationInfo info = m.getIndexUtilizationInfo();
            if (info == null) {
                continue;
            }
            advice = advice.plus(new IndexAdvice(singles(info.getUtilizedSingleIndexes()),
                    singles(info.getPotentialSingleIndexes()), composites(info.getUtilizedCompositeIndexes()),
                    composites(info.getPotentialCompositeIndexes())));
        }
        return advice;
    }

    private static List<String> singles(List<SingleIndexUtilizationEntity> entities) {
        List<String> paths = new ArrayList<>();
        for (SingleIndexUtilizationEntity e : entities == null ? List.<SingleIndexUtilizationEntity>of() : entities) {
            if (e.getIndexDocumentExpression() != null) {
                paths.add(e.getIndexDocumentExpression());
            }
        }
        return paths;
    }

    private static List<List<String>> composites(List<CompositeIndexUtilizationEntity> entities) {
        List<List<String>> all = new ArrayList<>();
        for (CompositeIndexUtilizationEntity e
                : entities == null ? List.<CompositeIndexUtilizationEntity>of() : entities) {
            if (e.getIndexDocumentExpressions() != null && !e.getIndexDocumentExpressions().isEmpty()) {
                all.add(List.copyOf(e.getIndexDocumentExpressions()));
            }
        }
        return all;
    }
}
