package io.cosmosdesk.schema;

import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.SqlQuerySpec;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Samples a container's items for its schema. Blocking: call through the TaskRunner (or from the command line).
 */
public class SchemaService {

    /**
     * What reading every item would cost, estimated before doing it: the items counted, and the charge of a first
     * page scaled to them.
     *
     * @param spentCharge what the estimate itself cost
     */
    public record FullReadEstimate(long items, double estimatedCharge, double spentCharge, String basis) {
        public FullReadEstimate(long items, double estimatedCharge, double spentCharge) {
            this(items, estimatedCharge, spentCharge, String.format(java.util.Locale.ROOT,
                    "(Estimated from a count and a first page, which cost %.1f RU.)", spentCharge));
        }
    }

    /**
     * Reads up to {@code target} items ({@link Long#MAX_VALUE}: all), spread over the container's key space;
     * {@code progress} gets snapshots of the figures a few times a second (on the calling thread).
     */
    public SampleResult sample(ContainerHandle handle, long target, Consumer<SampleProgress> progress,
            BooleanSupplier cancelled) {
        CosmosRangeReader reader = CosmosRangeReader.openSliced(handle, target, cancelled);
        return new SchemaSampler(reader).sample(target, progress, cancelled);
    }

    /** Items in the smaller of the two pages the estimate reads (the larger holds {@link SchemaSampler#FIRST_PAGE}). */
    static final int SMALL_PAGE = 10;
    /** Ranges tried for a first item before the estimate gives up on its per-page figures. */
    private static final int RANGES_TRIED = 4;

    /**
     * Counts the items and estimates what reading them all, as {@link #sample} does it, would cost. A page's charge
     * is part per request and part per item (on the service: the request itself, then the items it loads; on the
     * local test server only the request, 1 RU each), so one page's charge per item scaled to the count misjudged it
     * (~120 RU for 12,000 items read for ~32 RU in pages of up to 1,000). Two first pages of different sizes give
     * both parts; the estimate is the pages the read will take times the first, plus the items times the second.
     */
    public FullReadEstimate estimateFullRead(ContainerHandle handle, BooleanSupplier cancelled) {
        long count = 0;
        double spent = 0;
        try {
            List<FeedResponse<Long>> pages = handle.container()
                    .queryItems(new SqlQuerySpec("SELECT VALUE COUNT(1) FROM c"), new CosmosQueryRequestOptions(),
                            Long.class)
                    .byPage().collectList().block();
            for (FeedResponse<Long> page : pages == null ? List.<FeedResponse<Long>>of() : pages) {
                for (Long value : page.getResults()) {
                    count += value == null ? 0 : value;
                }
                spent += page.getRequestCharge();
            }
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Counting the items of " + handle.ref(), e);
        }
        // the ranges the read itself will use (slices of the key space, or the feed ranges)
        CosmosRangeReader reader = CosmosRangeReader.openSliced(handle, Long.MAX_VALUE, cancelled);
        RangeReader.Page small = null;
        RangeReader.Page large = null;
        for (int range = 0; range < Math.min(RANGES_TRIED, reader.rangeCount()) && small == null; range++) {
            RangeReader.Page first = reader.read(range, null, SMALL_PAGE);
            spent += first.requestCharge();
            if (!first.items().isEmpty()) {
                small = first;
                large = reader.read(range, null, SchemaSampler.FIRST_PAGE);
                spent += large.requestCharge();
            }
        }
        ReadCost cost = ReadCost.of(small, large);
        long pages = plannedPages(count, reader.rangeCount());
        double estimated = pages * cost.perPage() + count * cost.perItem();
        String basis = String.format(java.util.Locale.ROOT, "(Estimated from a count and two first pages of %d "
                + "and %d items: a page costs about %.2f RU plus %s, and the read takes about %,d "
                + "pages from %d %s, if the items are spread evenly over them (more if a few partition key values "
                + "hold most of them). The estimate itself cost %.1f RU.)", small == null ? 0 : small.items().size(),
                large == null ? 0 : large.items().size(), cost.perPage(), cost.perItemText(), pages,
                reader.rangeCount(), reader.hashSlices() ? "slices of the key space" : "feed ranges", spent);
        return new FullReadEstimate(count, estimated, spent, basis);
    }

    /**
     * The pages {@link SchemaSampler} takes to read {@code items} spread evenly over {@code ranges}: per range a
     * first page of {@link SchemaSampler#FIRST_PAGE}, then pages of {@link SchemaSampler#PAGE}; at least one each.
     */
    static long plannedPages(long items, int ranges) {
        long perRange = (items + ranges - 1) / Math.max(1, ranges);
        long rest = Math.max(0, perRange - SchemaSampler.FIRST_PAGE);
        return (long) ranges * (1 + (rest + SchemaSampler.PAGE - 1) / SchemaSampler.PAGE);
    }

    /** A page's charge split into a part per request and a part per item. */
    record ReadCost(double perPage, double perItem) {

        /** The per-item part in words, e.g. "0.12 RU per item" or "less than 0.01 RU per item". */
        String perItemText() {
            if (perItem <= 0) {
                return "no measurable charge per item";
            }
            if (perItem < 0.005) {
                return "less than 0.01 RU per item";
            }
            return String.format(java.util.Locale.ROOT, "%.2f RU per item", perItem);
        }

        /** From two pages of the same range of different sizes; one page only: all of it per item. */
        static ReadCost of(RangeReader.Page small, RangeReader.Page large) {
            if (small == null) {
                return new ReadCost(0, 0);
            }
            int a = small.items().size();
            int b = large == null ? a : large.items().size();
            if (b <= a) {
                return new ReadCost(0, small.requestCharge() / a);
            }
            double perItem = Math.max(0, (large.requestCharge() - small.requestCharge()) / (b - a));
            double perPage = Math.max(0, small.requestCharge() - a * perItem);
            return new ReadCost(perPage, perItem);
        }
    }
}
