package io.cosmosdesk.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;

/**
 * Writes items to a stream one at a time, holding none of them: memory stays the same whatever the count.
 * {@link #finish()} writes what closes the file (a JSON array's {@code ]}, gzip's trailer) and flushes; a writer
 * closed without it leaves output that is visibly incomplete. Not thread-safe.
 */
public interface ItemWriter extends Closeable {

    /** Writes one item. The writer may change {@code item} (it drops system properties in place). */
    void write(ObjectNode item) throws IOException;

    /** Items written so far. */
    long items();

    /** Completes the output and flushes it; the stream is then closed. */
    void finish() throws IOException;

    /** Closes the stream without completing the output: what was written is then not to be used. */
    @Override
    void close() throws IOException;
}
