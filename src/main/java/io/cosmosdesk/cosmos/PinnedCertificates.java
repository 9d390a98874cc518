package io.cosmosdesk.cosmos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.json.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Certificates the user chose to trust for one host, e.g. an emulator on another machine with its
 * self-signed certificate. Exactly that certificate (by SHA-256 fingerprint) is accepted for exactly
 * that host; every other certificate and host keeps full TLS validation. Nothing is ever "TLS off".
 *
 * <p>Installed as the JVM's default trust-manager algorithm, because the Cosmos SDK builds its TLS
 * context from the default {@link TrustManagerFactory} and offers no way to pass one in. That JCA hook
 * is global by nature, hence the one static registry here.
 */
public final class PinnedCertificates {

    /** A pinned certificate: host (lower case) and the certificate's SHA-256 fingerprint. */
    public record Pin(String host, String sha256, String subject, String addedAt) {
    }

    static final String ALGORITHM = "CosmosDeskPinning";
    private static final List<Pin> PINS = new CopyOnWriteArrayList<>();
    private static volatile boolean installed;

    private final Path file;

    public PinnedCertificates(Path configDirectory) {
        this.file = configDirectory.resolve("trusted-certificates.json");
    }

    /** Loads saved pins and makes the JVM's default trust managers honour them. */
    public synchronized void install() {
        List<Pin> saved = load();
        if (saved.isEmpty() && !installed) {
            return; // nothing pinned: the platform's trust managers stay as they are
        }
        PINS.clear();
        PINS.addAll(saved);
        installProvider();
    }

    public List<Pin> pins() {
        return List.copyOf(PINS);
    }

    /** Trusts {@code certificate} for {@code host} from now on, and remembers it. */
    public synchronized Pin trust(String host, X509Certificate certificate) {
        installProvider();
        Pin pin = new Pin(host.toLowerCase(Locale.ROOT), fingerprint(certificate),
                certificate.getSubjectX500Principal().getName(), Instant.now().toString());
        PINS.removeIf(existing -> existing.host().equals(pin.host()) && existing.sha256().equals(pin.sha256()));
        PINS.add(pin);
        save();
        return pin;
    }

    /** Reached on demand: most starts have no pinned certificate, and Jackson costs start-up time. */
    private static ObjectMapper json() {
        return Json.MAPPER;
    }

    private List<Pin> load() {
        Optional<JsonNode> read = JsonFiles.read(file);
        if (read.isEmpty()) {
            return List.of();
        }
        try {
            return List.of(json().treeToValue(read.get(), Pin[].class));
        } catch (IOException e) {
            JsonFiles.setAside(file, "not a list of trusted certificates");
            return List.of();
        }
    }

    private void save() {
        try {
            JsonFiles.write(file, new ArrayList<>(PINS));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save trusted certificates", e);
        }
    }

    /** An SSL context with the current default trust (including pins), built fresh so new pins apply. */
    public static SSLContext currentSslContext() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** Reads the server's certificate without trusting it (to show and compare its fingerprint). */
    public static X509Certificate fetchServerCertificate(String host, int port, Duration timeout)
            throws IOException, GeneralSecurityException {
        try (SSLSocket socket = (SSLSocket) acceptAnyContext().getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /**
     * Accepts any certificate and host name: only to read a certificate before deciding to trust it, and
     * for the emulator kind on this machine (as the SDK's own emulator switch does for localhost).
     */
    static SSLContext acceptAnyContext() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new AcceptAnyForReading()}, null);
        return context;
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isPinned(String host, X509Certificate certificate) {
        if (host == null || PINS.isEmpty()) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        String sha256 = fingerprint(certificate);
        return PINS.stream().anyMatch(pin -> pin.host().equals(lower) && pin.sha256().equals(sha256));
    }

    private static synchronized void installProvider() {
        if (installed) {
            return;
        }
        String underlying = TrustManagerFactory.getDefaultAlgorithm();
        Security.addProvider(new PinningProvider(underlying));
        Security.setProperty("ssl.TrustManagerFactory.algorithm", ALGORITHM);
        installed = true;
    }

    private static final class PinningProvider extends Provider {
        private static final long serialVersionUID = 1L;

        PinningProvider(String underlying) {
            super("CosmosDeskPinning", "1.0", "Accepts user-pinned certificates for their host only");
            putService(new Service(this, "TrustManagerFactory", ALGORITHM, PinningFactory.class.getName(),
                    null, null) {
                @Override
                public Object newInstance(Object parameter) {
                    return new PinningFactory(underlying);
                }
            });
        }
    }

    /** Wraps the platform's PKIX trust managers; adds nothing but the pins. */
    public static final class PinningFactory extends TrustManagerFactorySpi {
        private final TrustManagerFactory delegate;

        PinningFactory(String underlying) {
            try {
                this.delegate = TrustManagerFactory.getInstance(underlying);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected void engineInit(KeyStore keyStore) throws KeyStoreException {
            delegate.init(keyStore);
        }

        @Override
        protected void engineInit(ManagerFactoryParameters parameters) throws InvalidAlgorithmParameterException {
            delegate.init(parameters);
        }

        @Override
        protected TrustManager[] engineGetTrustManagers() {
            TrustManager[] managers = delegate.getTrustManagers();
            for (int i = 0; i < managers.length; i++) {
                if (managers[i] instanceof X509ExtendedTrustManager x509) {
                    managers[i] = new PinningTrustManager(x509);
                }
            }
            return managers;
        }
    }

    private static final class PinningTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;

        PinningTrustManager(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            if (engine == null || !isPinned(engine.getPeerHost(), chain[0])) {
                delegate.checkServerTrusted(chain, authType, engine);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            String host = socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null
                    ? ssl.getHandshakeSession().getPeerHost() : null;
            if (!isPinned(host, chain[0])) {
                delegate.checkServerTrusted(chain, authType, socket);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    /** Only for reading a certificate to show its fingerprint; never used to send data. */
    private static final class AcceptAnyForReading extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
