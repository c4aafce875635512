package com.segments.adapters.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages, the Host allow-list and the 500 answer, without a server. */
class EdgeTest {

    @Test
    void messagesNameNoClassPathOrDatabase() {
        assertThat(Messages.safe("bad value: java.lang.NumberFormatException: For input string", "x"))
                .doesNotContain("java.lang").contains("For input string");
        assertThat(Messages.safe("/home/bank/segments/data/c.csv: row 5, column 'AGE'", "x"))
                .isEqualTo("c.csv: row 5, column 'AGE'");
        assertThat(Messages.safe("cancel it: DELETE /api/v1/jobs/abc", "x")).endsWith("DELETE /api/v1/jobs/abc");
        assertThat(Messages.safe("Value too long for column \"NAME\": SQL statement: INSERT INTO x [22001-224]", "fallback"))
                .isEqualTo("fallback");
        assertThat(Messages.safe("a\u202Eb\u0000c\nsecond line", "x")).isEqualTo("a?b?c");
        assertThat(Messages.safe("m".repeat(5_000), "x")).hasSize(Messages.MAX + 3);
    }

    @Test
    void hostsAreLocalNamesTheBoundAddressAndConfiguredOnes() {
        HttpGuard guard = new HttpGuard(List.of("segments.bank.example"), "10.1.2.3");
        for (String host : List.of("localhost", "LOCALHOST:8080", "127.0.0.1:1", "[::1]:8080", "10.1.2.3:8080",
                "segments.bank.example", "segments.bank.example.")) {
            assertThat(guard.checkHost(HttpRequest.GET("/health").header("Host", host))).as(host).isNull();
        }
        for (String host : List.of("evil.example", "localhost.evil.example", "127.0.0.1.nip.io", "", "[::2]",
                "localhost@evil.example")) {
            MutableHttpResponse<ErrorResponse> refused = guard.checkHost(HttpRequest.GET("/health").header("Host", host));
            assertThat(refused).as(host).isNotNull();
            assertThat(refused.code()).isEqualTo(421);
            assertThat(refused.getBody().orElseThrow().error()).isEqualTo("host_not_allowed");
            assertThat(refused.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(new HttpGuard(List.of("*"), null).checkHost(HttpRequest.GET("/").header("Host", "any.example"))).isNull();
        assertThat(new HttpGuard(null, "0.0.0.0").checkHost(HttpRequest.GET("/").header("Host", "0.0.0.0"))).isNotNull();
    }

    @Test
    void aFailureNobodyForesawAnswers500WithTheCorrelationIdItWasLoggedUnder() {
        MutableHttpResponse<ErrorResponse> answer = ApiErrors.internal(HttpRequest.GET("/api/v1/models"),
                new StackOverflowError("deep inside com.segments.Something"));
        ErrorResponse body = answer.getBody().orElseThrow();
        assertThat(answer.code()).isEqualTo(500);
        assertThat(body.correlationId()).matches("[0-9a-f-]{36}");
        assertThat(answer.getHeaders().get("X-Correlation-Id")).isEqualTo(body.correlationId());
        assertThat(body.message()).contains(body.correlationId()).doesNotContain("com.segments").doesNotContain("Overflow");
    }

    @Test
    void securityHeadersOnApiAnswersButTheConsoleKeepsItsOwnPolicy() {
        HttpGuard guard = new HttpGuard(null, null);
        MutableHttpResponse<?> api = HttpResponse.ok();
        guard.secure(HttpRequest.GET("/api/v1/models"), api);
        assertThat(api.getHeaders().get("Cache-Control")).isEqualTo("no-store");
        assertThat(api.getHeaders().get("X-Frame-Options")).isEqualTo("DENY");
        assertThat(api.getHeaders().get("Content-Security-Policy")).contains("frame-ancestors 'none'");
        MutableHttpResponse<?> console = HttpResponse.ok().header("Content-Security-Policy", "console policy");
        guard.secure(HttpRequest.GET("/console/models"), console);
        assertThat(console.getHeaders().get("Content-Security-Policy")).isEqualTo("console policy");
        assertThat(console.getHeaders().get("Cache-Control")).isNull();
        assertThat(console.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
