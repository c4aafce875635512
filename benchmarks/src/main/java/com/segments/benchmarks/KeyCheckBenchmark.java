package com.segments.benchmarks;

import com.segments.application.KeyRing;
import com.segments.application.ManageApiKeys;
import com.segments.domain.access.ApiKey;
import com.segments.domain.access.ApiKeyRepository;
import com.segments.domain.access.KeyHasher;
import com.segments.domain.access.Role;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What checking one API key costs a request: {@link KeyRing#identify} of a working key among {@code keys} working
 * keys, hashed with HMAC-SHA-256 under a pepper as the store's hasher does (a MAC per thread), compared with every
 * key in constant time. Next to a REST prediction's median latency (docs/security.md), it says what
 * {@code segments.api.require-key-for-reads} can cost at most.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar KeyCheckBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KeyCheckBenchmark {

    @Param({"1", "5", "50"})
    int keys;

    private KeyRing ring;
    private String presented;

    @Setup
    public void setUp() {
        SecretKeySpec pepper = new SecretKeySpec("p".repeat(44).getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(pepper);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        KeyHasher hasher = key -> HexFormat.of().formatHex(macs.get().doFinal(key.getBytes(StandardCharsets.UTF_8)));
        List<ApiKey> stored = new ArrayList<>();
        ApiKeyRepository repository = new ApiKeyRepository() {
            @Override
            public void add(ApiKey key) {
                stored.add(key);
            }

            @Override
            public List<ApiKey> all() {
                return List.copyOf(stored);
            }

            @Override
            public boolean revoke(String name, Instant at) {
                return false;
            }
        };
        ring = new KeyRing(repository, hasher, "");
        ManageApiKeys manage = new ManageApiKeys(repository, hasher, ring, Clock.systemUTC());
        for (int i = 0; i < keys; i++) {
            presented = manage.add("key" + i, Role.PREDICT_ONLY, "bench").secret();
        }
        ring.refresh();
    }

    @Benchmark
    public Optional<KeyRing.Principal> identify() {
        return ring.identify(presented);
    }
}
