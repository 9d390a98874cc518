package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemPageStream;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemQueryService;

/**
 * The applied query's one open page stream: opened (lazily, nothing is sent before a page is asked for) at a
 * continuation token, kept between pages, and closed when the query changes, loading stops or fails, or the
 * page size changes (the next page then comes from a new stream at the last page's token).
 */
final class PageStreams {

    private final ItemQueryService service;
    private final ContainerHandle handle;
    private ItemPageStream stream;
    private int pageSize;

    PageStreams(ItemQueryService service, ContainerHandle handle) {
        this.service = service;
        this.handle = handle;
    }

    /** The stream to read the page at {@code token} from: the open one, or a new one starting there. */
    ItemPageStream forPage(ItemQuery query, String token, int size) {
        if (stream != null && pageSize != size) {
            close(); // the page size changed: carry on from the token with the new size
        }
        if (stream == null) {
            stream = service.openItemPages(handle, query, token, size);
            pageSize = size;
        }
        return stream;
    }

    void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
