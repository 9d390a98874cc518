package io.cosmosdesk.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Predicate;

/**
 * A file's lines from the last to the first, read backwards in blocks: the audit viewer wants the newest entries
 * first and usually only some of them, so a day file of 100,000 lines is not read whole to show its last 5,000.
 * Lines are split on the byte {@code '\n'} (which never occurs inside a UTF-8 sequence) and decoded one by one; a
 * last line without its newline (torn by a crash) is handed over like the others, for the parser to refuse.
 */
final class NewestLines {

    private static final int BLOCK = 64 * 1024;

    private NewestLines() {
    }

    /** Hands each line of {@code file} to {@code line}, last first, until it answers false or the file's start. */
    static void read(Path file, Predicate<String> line) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = channel.size();
            byte[] carry = new byte[0]; // the start of the file's next line (a line cut by a block's start)
            ByteBuffer block = ByteBuffer.allocate(BLOCK);
            while (position > 0) {
                int size = (int) Math.min(BLOCK, position);
                position -= size;
                block.clear().limit(size);
                while (block.hasRemaining()) {
                    if (channel.read(block, position + block.position()) < 0) {
                        throw new IOException("The file " + file + " got shorter while it was read.");
                    }
                }
                byte[] bytes = block.array();
                int end = size; // exclusive end of the line being cut, within this block
                for (int i = size - 1; i >= 0; i--) {
                    if (bytes[i] != '\n') {
                        continue;
                    }
                    if (!hand(bytes, i + 1, end, carry, line)) {
                        return;
                    }
                    carry = new byte[0];
                    end = i;
                }
                byte[] joined = new byte[end + carry.length];
                System.arraycopy(bytes, 0, joined, 0, end);
                System.arraycopy(carry, 0, joined, end, carry.length);
                carry = joined;
            }
            if (carry.length > 0) {
                line.test(new String(carry, StandardCharsets.UTF_8));
            }
        }
    }

    /** The line bytes[from, to) followed by {@code carry}; empty lines (the file's final newline) are skipped. */
    private static boolean hand(byte[] bytes, int from, int to, byte[] carry, Predicate<String> line) {
        int length = to - from + carry.length;
        if (length == 0) {
            return true;
        }
        String text;
        if (carry.length == 0) {
            text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        } else {
            byte[] joined = new byte[length];
            System.arraycopy(bytes, from, joined, 0, to - from);
            System.arraycopy(carry, 0, joined, to - from, carry.length);
            text = new String(joined, StandardCharsets.UTF_8);
        }
        return line.test(text);
    }
}
