package io.cosmosdesk.transfer;

import java.io.Closeable;

/**
 * Reads an input file one record at a time, in constant memory whatever the file's size. Problems of single
 * records come back as {@link SourceRow}s with a problem; a file that cannot be read at all throws
 * {@link ImportInputException} with a sentence.
 */
public interface ItemReader extends Closeable {

    /** The next record, or null at the end of the file. */
    SourceRow next();

    /** Bytes of the file consumed so far (for progress). */
    long bytesRead();

    /** The file's size in bytes, or -1 when not known. */
    long totalBytes();

    @Override
    void close();
}
