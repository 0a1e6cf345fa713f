package io.genops.exporters.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.export.ExportResult;
import io.genops.exporters.testing.TestEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OTLP/HTTP over TLS against a loopback receiver whose certificate is made for the test by the JDK's
 * {@code keytool}: trusted through {@code trustedCertificates} it is accepted, and without that the
 * handshake fails and the batch is kept for a retry. A receiver that asks for client certificates admits
 * the exporter that presents its own through {@code clientTls}, and refuses one that presents none.
 */
class OtlpExporterTlsTest {
    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    static Path dir;
    private static Path keyStore;
    private static Path certificate;
    private static Path clientKeyStore;
    private static Path clientKey;
    private static Path clientCertificate;
    private OtlpHttpReceiver receiver;

    @BeforeAll
    static void makeCertificate() throws Exception {
        keyStore = dir.resolve("collector.p12");
        certificate = dir.resolve("collector.pem");
        keytool("-genkeypair", "-alias", "collector", "-keyalg", "EC", "-groupname", "secp256r1",
            "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
            "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", new String(PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", "collector", "-keystore", keyStore.toString(),
            "-storepass", new String(PASSWORD), "-file", certificate.toString());

        clientKeyStore = dir.resolve("genops.p12");
        clientCertificate = dir.resolve("genops.pem");
        clientKey = dir.resolve("genops-key.pem");
        keytool("-genkeypair", "-alias", "genops", "-keyalg", "EC", "-groupname", "secp256r1",
            "-dname", "CN=genops-exporter", "-validity", "2",
            "-storetype", "PKCS12", "-keystore", clientKeyStore.toString(), "-storepass", new String(PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", "genops", "-keystore", clientKeyStore.toString(),
            "-storepass", new String(PASSWORD), "-file", clientCertificate.toString());
        // keytool exports no private key: write it as PKCS#8 PEM, the form clientTls reads.
        final Key key = load(clientKeyStore).getKey("genops", PASSWORD);
        Files.writeString(clientKey, "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
    }

    @BeforeEach
    void startTlsReceiver() throws Exception {
        receiver = OtlpHttpReceiver.tls(serverContext(keyStore));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aTrustedCertificate_letsSpansThroughOverHttps() {
        assertThat(receiver.endpoint().getScheme()).isEqualTo("https");
        try (OtlpExporter exporter = OtlpExporter.builder().endpoint(receiver.endpoint())
            .trustedCertificates(certificate).timeout(Duration.ofSeconds(5)).build()) {
            TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"), TestEvent.interaction(2, "s", "bot"));
            assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        }
        assertThat(receiver.received.spans()).hasSize(2);
    }

    @Test
    void anUntrustedCertificate_failsTheHandshake_andTheBatchIsKept() {
        try (OtlpExporter exporter = OtlpExporter.builder().endpoint(receiver.endpoint())
            .timeout(Duration.ofSeconds(5)).build()) {
            TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"));
            assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
            assertThat(exporter.stats().failedSends()).isEqualTo(1);
        }
        assertThat(receiver.received.spans()).isEmpty();
    }

    @Test
    void aReceiverAskingForClientCertificates_admitsTheExporterPresentingOne() throws Exception {
        try (OtlpHttpReceiver mutual = OtlpHttpReceiver.mutualTls(mutualContext());
             OtlpExporter exporter = OtlpExporter.builder().endpoint(mutual.endpoint())
                 .trustedCertificates(certificate).clientTls(clientKey, clientCertificate)
                 .timeout(Duration.ofSeconds(5)).build()) {
            TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"));
            assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
            assertThat(mutual.received.spans()).hasSize(1);
        }
    }

    @Test
    void aReceiverAskingForClientCertificates_refusesAnExporterWithout_andTheBatchIsKept() throws Exception {
        try (OtlpHttpReceiver mutual = OtlpHttpReceiver.mutualTls(mutualContext());
             OtlpExporter exporter = OtlpExporter.builder().endpoint(mutual.endpoint())
                 .trustedCertificates(certificate).timeout(Duration.ofSeconds(5)).build()) {
            TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"));
            assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
            assertThat(mutual.received.spans()).isEmpty();
        }
    }

    private static SSLContext serverContext(final Path keyStore) throws IOException, GeneralSecurityException {
        final KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore), PASSWORD);
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** The collector's key, trusting the exporter's certificate and nothing else. */
    private static SSLContext mutualContext() throws IOException, GeneralSecurityException {
        final KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keyStore), PASSWORD);
        final KeyStore clients = KeyStore.getInstance("PKCS12");
        clients.load(null, null);
        clients.setCertificateEntry("genops", load(clientKeyStore).getCertificate("genops"));
        final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(clients);
        final SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(final Path keyStore) throws IOException, GeneralSecurityException {
        final KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static void keytool(final String... arguments) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        final String log = Files.readString(dir.resolve("keytool.log"));
        assertThat(process.exitValue()).as("keytool " + arguments[0] + ": " + log).isZero();
    }
}
