package io.cosmosdesk.testing;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemPageStream;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemQueryService;
import java.util.List;

/**
 * An item query service whose pages are made in memory beforehand, for the grid's GUI tests and benchmarks without a
 * server: page n+1 is the one after token "page-n" (make page n's continuation token "page-(n+1)", the last null).
 */
public final class PagesInMemory extends ItemQueryService {

    private final List<ItemPage> pages;

    public PagesInMemory(List<ItemPage> pages) {
        super(TestAudit.writes());
        this.pages = List.copyOf(pages);
    }

    @Override
    public ItemPageStream openItemPages(ContainerHandle handle, ItemQuery query, String token, int pageSize) {
        return new ItemPageStream() {
            private int next = token == null ? 0 : Integer.parseInt(token.substring("page-".length()));
            private String delivered = token;

            @Override
            public ItemPage next() {
                ItemPage page = pages.get(next++);
                delivered = page.continuationToken();
                return page;
            }

            @Override
            public String continuationToken() {
                return delivered;
            }

            @Override
            public void close() {
            }
        };
    }
}
