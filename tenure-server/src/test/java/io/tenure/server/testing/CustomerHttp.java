package io.tenure.server.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP against a test server as a signed-in member of staff (form sign-in with the CSRF token, session cookie kept),
 * or with an API token. Redirects are not followed, so a test sees them. Sessions are kept per server and user:
 * password hashing makes a sign-in slow.
 */
public final class CustomerHttp {
    private static final Map<String, CustomerHttp> SESSIONS = new ConcurrentHashMap<>();

    private final String baseUrl;
    private final HttpClient client;

    private CustomerHttp(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A session of this user on this server, signed in once. */
    public static CustomerHttp as(TestServer server, String username) {
        return SESSIONS.computeIfAbsent(server.baseUrl + " " + username, k -> {
            CustomerHttp h = new CustomerHttp(server.baseUrl);
            h.signIn(username, TestServer.PASSWORD);
            return h;
        });
    }

    /** A new session on a server at this address (not kept). */
    public static CustomerHttp signIn(String baseUrl, String username, String password) {
        CustomerHttp h = new CustomerHttp(baseUrl);
        h.signIn(username, password);
        return h;
    }

    private void signIn(String username, String password) {
        HttpResponse<String> page = get("/login");
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(Csrf.of(page.body()));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + r.statusCode() + " " + location);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    /** A GET to the API with a bearer token (no session). */
    public static HttpResponse<String> api(TestServer server, String token, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl + path)).GET()
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return new CustomerHttp(server.baseUrl).send(b.build());
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
