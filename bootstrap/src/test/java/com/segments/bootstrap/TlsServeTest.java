package com.segments.bootstrap;

import com.segments.adapters.jdbc.TestDatabases;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS by configuration: a key store made at test time by the running JDK's keytool (a self-signed certificate for
 * localhost and 127.0.0.1), named by {@code micronaut.ssl.key-store.*}, makes {@code segments serve --port P} answer
 * HTTPS on P to a client that trusts that certificate, refuse a client that does not, and serve no plain HTTP there.
 */
class TlsServeTest {

    @TempDir
    Path work;

    private TestDatabases.Database database;
    private Segments.Run server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theServerAnswersHttpsWithTheConfiguredCertificateAndNoPlainHttp() throws Exception {
        String password = UUID.randomUUID().toString();
        Path store = work.resolve("server.p12");
        Path certificate = work.resolve("server.pem");
        keytool("-genkeypair", "-alias", "segments", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", "segments", "-keystore", store.toString(), "-storepass", password,
                "-file", certificate.toString());

        database = TestDatabases.h2(work.resolve("db"));
        Map<String, Object> properties = new HashMap<>(Cli.on(database, work).properties());
        properties.put("micronaut.server.ssl.enabled", "true");
        properties.put("micronaut.ssl.key-store.path", "file:" + store);
        properties.put("micronaut.ssl.key-store.password", password);
        properties.put("micronaut.ssl.key-store.type", "PKCS12");
        server = new Cli(properties).serve();
        EmbeddedServer embedded = server.context().getBean(EmbeddedServer.class);
        int port = embedded.getPort();
        assertThat(embedded.getScheme()).isEqualTo("https");

        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(certificate)).build();
        HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port
                + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"database\":\"UP\"");
        assertThat(health.sslSession()).isPresent();
        X509Certificate served = (X509Certificate) health.sslSession().orElseThrow().getPeerCertificates()[0];
        assertThat(served).isEqualTo(load(certificate));
        HttpResponse<String> refused = trusting.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port
                + "/api/v1/models/rollback")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as("the API and its key check work over TLS").isEqualTo(401);

        HttpClient untrusting = HttpClient.newHttpClient();
        assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + "/health")).build(), HttpResponse.BodyHandlers.ofString()))
                .as("no plain HTTP on the TLS port").isInstanceOf(IOException.class);
    }

    private static void keytool(String... arguments) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + said).isZero();
    }

    private static X509Certificate load(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        Certificate certificate = load(pem);
        trust.setCertificateEntry("segments", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
