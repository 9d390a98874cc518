import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Packaging step for the Linux installers (a single-file program:
 * {@code java packaging/StoreJarEntries.java DIR JNA_PLATFORM}): rewrites every jar in the installer's input folder
 * with its entries stored, not deflated, and drops JNA's native libraries for platforms other than
 * {@code JNA_PLATFORM} ({@code linux-x86-64}: the .deb and .rpm are built for x86-64, as netty's native TLS already
 * is). The .deb and .rpm compress their files with xz, which gets a deflated jar no smaller (the jars were 31.1 MB,
 * 28.0 MB in the .deb) but packs the same classes stored to 13.6 MB: the installer is ~14 MB smaller, the installed
 * jars ~47 MB larger (packaging/README.md, "Start-up", s18). Stored entries are read without inflating them; the
 * AOT cache holds the classes of the start, so the start reads little from the jars either way. Entry names, order,
 * times and contents (manifests included) are kept. Runs before the runtime's training run, whose cache records
 * each jar's size and time.
 */
public final class StoreJarEntries {

    /** JNA's native library inside its jar: com/sun/jna/PLATFORM/libjnidispatch.so (.jnilib, .a, jnidispatch.dll). */
    private static final Pattern JNA_NATIVE = Pattern.compile("com/sun/jna/([^/]+)/(lib)?jnidispatch\\.[a-z]+");

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java StoreJarEntries.java DIR JNA_PLATFORM");
            System.exit(2);
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        long before = 0;
        long after = 0;
        int dropped = 0;
        for (Path jar : jars) {
            before += Files.size(jar);
            dropped += store(jar, args[1]);
            after += Files.size(jar);
        }
        System.out.printf("store-jar-entries: %d jars stored, %.1f -> %.1f MB; %d JNA native libraries of other"
                + " platforms than %s dropped%n", jars.size(), before / 1e6, after / 1e6, dropped, args[1]);
    }

    /** Rewrites {@code jar} stored; returns how many entries it dropped. */
    private static int store(Path jar, String jnaPlatform) throws IOException {
        Path copy = jar.resolveSibling(jar.getFileName() + ".stored");
        int dropped = 0;
        try (ZipFile in = new ZipFile(jar.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> all = in.entries(); all.hasMoreElements(); ) {
                entries.add(all.nextElement());
            }
            try (OutputStream file = Files.newOutputStream(copy); ZipOutputStream out = new ZipOutputStream(file)) {
                out.setMethod(ZipOutputStream.STORED);
                for (ZipEntry entry : entries) {
                    Matcher jna = JNA_NATIVE.matcher(entry.getName());
                    if (jna.matches() && !jna.group(1).equals(jnaPlatform)) {
                        dropped++;
                        continue;
                    }
                    byte[] data;
                    try (InputStream stream = in.getInputStream(entry)) {
                        data = stream.readAllBytes();
                    }
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    ZipEntry stored = new ZipEntry(entry.getName());
                    stored.setMethod(ZipEntry.STORED);
                    stored.setTime(entry.getTime());
                    stored.setSize(data.length);
                    stored.setCompressedSize(data.length);
                    stored.setCrc(crc.getValue());
                    out.putNextEntry(stored);
                    out.write(data);
                    out.closeEntry();
                }
            }
        }
        Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
        return dropped;
    }
}
