package com.segments.adapters.rest;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The edge of every request, before anything else runs (so also before the API key):
 * <ul>
 *   <li>the {@code Host} header must name this server: {@code localhost}, {@code 127.0.0.1}, {@code [::1]}, the
 *       address the server is bound to, or a name in {@code segments.http.allowed-hosts}. A web page on another
 *       name that a DNS-rebinding attack points at 127.0.0.1 is answered 421 and reads nothing;</li>
 *   <li>every answer says {@code X-Content-Type-Options: nosniff} and may not be framed ({@code X-Frame-Options:
 *       DENY}; API answers also {@code Content-Security-Policy: frame-ancestors 'none'}, the console sets its own
 *       policy); API answers are never cached ({@code Cache-Control: no-store}).</li>
 * </ul>
 */
@ServerFilter("/**")
public class HttpGuard implements Ordered {

    private final Set<String> allowed;
    private final boolean anyHost;

    HttpGuard(@Nullable @Value("${segments.http.allowed-hosts:}") List<String> configured,
              @Nullable @Value("${micronaut.server.host:}") String boundHost) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        boolean any = false;
        if (configured != null) {
            for (String name : configured) {
                String n = name.strip().toLowerCase(Locale.ROOT);
                if (n.equals("*")) {
                    any = true;
                } else if (!n.isEmpty()) {
                    names.add(unbracket(n));
                }
            }
        }
        if (boundHost != null && !boundHost.isBlank() && !boundHost.equals("0.0.0.0") && !boundHost.equals("::")) {
            names.add(unbracket(boundHost.strip().toLowerCase(Locale.ROOT)));
        }
        this.allowed = Set.copyOf(names);
        this.anyHost = any;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<ErrorResponse> checkHost(HttpRequest<?> request) {
        if (anyHost) {
            return null;
        }
        String host = request.getHeaders().get("Host");
        if (host == null || !allowed.contains(hostName(host))) {
            MutableHttpResponse<ErrorResponse> refused = ApiErrors.respond(HttpStatus.MISDIRECTED_REQUEST,
                    "host_not_allowed", "this server does not answer for the host named in the Host header; allowed: "
                            + allowed.stream().sorted().toList() + " (set segments.http.allowed-hosts to add names)", "Host");
            secure(request, refused); // a response made by a request filter skips the response filters
            return refused;
        }
        return null;
    }

    @ResponseFilter
    public void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        String path = request.getPath();
        boolean console = path.equals("/console") || path.startsWith("/console/") || path.startsWith("/assets/");
        if (!console) {
            headers.set("Cache-Control", "no-store");
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            }
        }
    }

    /** The name part of a Host header, lower case: {@code Example.com:8080} is {@code example.com}. */
    static String hostName(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && h.indexOf(':', colon + 1) < 0) {
            h = h.substring(0, colon);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static String unbracket(String name) {
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }
}
