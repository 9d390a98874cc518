import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Packaging step (a single-file program: {@code java packaging/StripJarSignatures.java DIR}): removes the jar
 * signatures from the libraries copied into the installer's input folder. The Azure SDK's jars are signed; the
 * JVM checks a signed jar's signature (SHA-256 of its whole manifest, RSA and the timestamp authority's
 * certificate chain) when the first class is loaded from it, which cost about 80 ms of the UI thread's CPU at
 * every start (the main window's classes reach azure-core and azure-json) and more at the first connection.
 * Nothing in the app relies on those signatures: no class path jar is a security provider, and the
 * installed files are protected by the package (its checksums) and the file system, not by jar signing.
 * The per-entry digests go from the manifest too (without a signature they are never read); its main
 * attributes stay.
 */
public final class StripJarSignatures {

    private static final Pattern SIGNATURE_FILE = Pattern.compile(
            "META-INF/([^/]+\\.(SF|RSA|DSA|EC)|SIG-[^/]+)", Pattern.CASE_INSENSITIVE);

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java StripJarSignatures.java DIR");
            System.exit(2);
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        int stripped = 0;
        for (Path jar : jars) {
            if (strip(jar)) {
                stripped++;
                System.out.println("strip-jar-signatures: " + jar.getFileName());
            }
        }
        System.out.println("strip-jar-signatures: " + stripped + " of " + jars.size() + " jars were signed");
    }

    private static boolean strip(Path jar) throws IOException {
        Path copy = jar.resolveSibling(jar.getFileName() + ".unsigned");
        try (JarFile in = new JarFile(jar.toFile(), false)) {
            if (in.stream().noneMatch(entry -> SIGNATURE_FILE.matcher(entry.getName()).matches())) {
                return false;
            }
            Manifest manifest = in.getManifest();
            try (OutputStream file = Files.newOutputStream(copy); JarOutputStream out = new JarOutputStream(file)) {
                if (manifest != null) {
                    Manifest mainOnly = new Manifest();
                    mainOnly.getMainAttributes().putAll(manifest.getMainAttributes());
                    mainOnly.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
                    out.putNextEntry(new JarEntry(JarFile.MANIFEST_NAME));
                    mainOnly.write(out);
                    out.closeEntry();
                }
                List<JarEntry> entries = new ArrayList<>();
                for (Enumeration<JarEntry> all = in.entries(); all.hasMoreElements(); ) {
                    entries.add(all.nextElement());
                }
                for (JarEntry entry : entries) {
                    String name = entry.getName();
                    if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME) || SIGNATURE_FILE.matcher(name).matches()) {
                        continue;
                    }
                    JarEntry copied = new JarEntry(name);
                    copied.setTime(entry.getTime());
                    out.putNextEntry(copied);
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }
}
