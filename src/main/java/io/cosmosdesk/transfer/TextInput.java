package io.cosmosdesk.transfer;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens an input file as text, saying in one sentence why when it cannot: no such file, a folder, no
 * permission, empty, binary (a file renamed {@code .json}), or an encoding other than UTF-8 and UTF-16.
 * A UTF-8 byte order mark is skipped; UTF-16 (with a mark, or detected from its zero bytes) is decoded.
 * Invalid UTF-8 further on is reported, never replaced silently.
 */
final class TextInput implements AutoCloseable {

    private static final int SNIFF_BYTES = 8192;

    private final Path file;
    private final CountingInputStream counted;
    private final Reader reader;
    private final Charset charset;
    private final long size;

    private TextInput(Path file, CountingInputStream counted, Reader reader, Charset charset, long size) {
        this.file = file;
        this.counted = counted;
        this.reader = reader;
        this.charset = charset;
        this.size = size;
    }

    static TextInput open(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new ImportInputException(name + " is a folder, not a file.");
        }
        InputStream raw;
        long size;
        try {
            size = Files.size(file);
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ImportInputException("The file " + file + " does not exist.");
        } catch (AccessDeniedException e) {
            throw new ImportInputException("CosmosDesk may not read " + file + " (permission denied).");
        } catch (IOException e) {
            throw new ImportInputException("Cannot open " + file + ": " + e.getMessage());
        }
        CountingInputStream counted = new CountingInputStream(raw);
        BufferedInputStream in = new BufferedInputStream(counted, 1 << 16);
        try {
            in = gunzippedIfCompressed(in, name);
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            Charset charset = sniff(head, name);
            int bom = bomLength(head);
            in.skipNBytes(bom);
            if (head.length == bom) {
                throw new ImportInputException("The file " + name + " is empty.");
            }
            var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            Reader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
            return new TextInput(file, counted, reader, charset, size);
        } catch (IOException e) {
            closeQuietly(in);
            throw new ImportInputException("Cannot read " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /**
     * A gzip file (an export with "gzip" on, e.g. orders.jsonl.gz) is read through a decompressor, still streamed;
     * progress keeps counting the file's own (compressed) bytes against its size.
     */
    private static BufferedInputStream gunzippedIfCompressed(BufferedInputStream in, String name) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first != 0x1F || second != 0x8B) {
            return in;
        }
        try {
            return new BufferedInputStream(new java.util.zip.GZIPInputStream(in, 1 << 16), 1 << 16);
        } catch (java.util.zip.ZipException e) {
            throw new ImportInputException(name + " looks compressed (gzip) but cannot be unpacked: "
                    + e.getMessage() + ".");
        }
    }

    private static Charset sniff(byte[] head, String name) {
        if (startsWith(head, 0xFF, 0xFE, 0x00, 0x00) || startsWith(head, 0x00, 0x00, 0xFE, 0xFF)) {
            throw new ImportInputException(name + " is UTF-32 text; save it as UTF-8 and import it again.");
        }
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        int zerosEven = 0;
        int zerosOdd = 0;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                if (i % 2 == 0) {
                    zerosEven++;
                } else {
                    zerosOdd++;
                }
            }
        }
        if (zerosEven + zerosOdd == 0) {
            if (looksBinary(head)) {
                throw notText(name);
            }
            return StandardCharsets.UTF_8;
        }
        int pairs = head.length / 2;
        // UTF-16 without a mark: ASCII-range text has a zero in every other byte
        if (pairs > 0 && zerosOdd >= pairs * 0.6 && zerosEven == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (pairs > 0 && zerosEven >= pairs * 0.6 && zerosOdd == 0) {
            return StandardCharsets.UTF_16BE;
        }
        throw notText(name);
    }

    /** Control bytes other than tab, CR, LF and form feed are not in JSON or CSV text. */
    private static boolean looksBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                control++;
            }
        }
        return control > 0 && control * 100 >= head.length || control > 8;
    }

    private static ImportInputException notText(String name) {
        return new ImportInputException(name + " is not a text file (it holds binary data): is it really JSON, "
                + "JSON Lines or CSV? A compressed file other than gzip must be unpacked first.");
    }

    private static int bomLength(byte[] head) {
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE)) {
            return 2;
        }
        return 0;
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    Reader reader() {
        return reader;
    }

    Charset charset() {
        return charset;
    }

    long bytesRead() {
        return counted.count;
    }

    long size() {
        return size;
    }

    String fileName() {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** A sentence for an I/O failure while reading, decoding errors named as such. */
    ImportInputException failure(IOException e, long line) {
        if (e instanceof CharacterCodingException) {
            return new ImportInputException(fileName() + " is not valid " + charset.displayName() + " text"
                    + (line > 0 ? " (near line " + line + ")" : "") + ": save it as UTF-8 and import it again.");
        }
        return new ImportInputException("Reading " + fileName() + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        closeQuietly(reader);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing left to do
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
