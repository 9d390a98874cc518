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
 * {@code JNA_PLATFORM} ({@code linux-x86-64}, or {@code auto}: JNA's folder for the building JVM's os.arch, as the
 * pom gives it; a jar with JNA libraries but none for that platform fails the step instead of losing them all). The .deb and .rpm compress their files with xz, which gets a deflated jar no smaller (the jars were 31.1 MB,
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
        String platform = args[1].equals("auto") ? "linux-" + jnaArch(System.getProperty("os.arch")) : args[1];
        for (Path jar : jars) {
            before += Files.size(jar);
            dropped += store(jar, platform);
            after += Files.size(jar);
        }
        System.out.printf("store-jar-entries: %d jars stored, %.1f -> %.1f MB; %d JNA native libraries of other"
                + " platforms than %s dropped%n", jars.size(), before / 1e6, after / 1e6, dropped, platform);
    }

    /** JNA's name for the JVM's {@code os.arch} (its native folders: linux-x86-64, linux-aarch64, ...). */
    static String jnaArch(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> "x86-64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            default -> osArch;
        };
    }

    /** Rewrites {@code jar} stored; returns how many entries it dropped. */
    private static int store(Path jar, String jnaPlatform) throws IOException {
        Path copy = jar.resolveSibling(jar.getFileName() + ".stored");
        int dropped = 0;
        boolean kept = false;
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
                    kept |= jna.matches();
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
        if (dropped > 0 && !kept) { // the build's own platform would lose its library: the keychain would fall back
            Files.delete(copy);
            throw new IOException("store-jar-entries: FAILED: " + jar.getFileName() + " has JNA native libraries but"
                    + " none for " + jnaPlatform + " (the platform this build is for); nothing of it was dropped");
        }
        Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
        return dropped;
    }
}
