package io.tenure.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in browser session for the list and work pages (cookies kept, redirects not followed unless asked), and
 * bearer-token calls for the API.
 */
public final class ListsHttp {

    private final String base;
    private final HttpClient client;

    private ListsHttp(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A session of the user, signed in with the test password. */
    public static ListsHttp signIn(TestServer server, String user) {
        ListsHttp h = new ListsHttp(server.baseUrl);
        HttpResponse<String> r = h.post("/login", Map.of("username", List.of(user), "password", List.of(TestServer.PASSWORD)));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(user + " could not sign in: " + r.statusCode() + " " + location);
        }
        return h;
    }

    /** A session that has not signed in. */
    public static ListsHttp anonymous(TestServer server) {
        return new ListsHttp(server.baseUrl);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET that follows redirects within the server (e.g. after a POST). */
    public HttpResponse<String> follow(HttpResponse<String> r) {
        HttpResponse<String> current = r;
        for (int i = 0; i < 5 && current.statusCode() / 100 == 3; i++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            current = get(location.startsWith("http") ? URI.create(location).getRawPath()
                    + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()) : location);
        }
        return current;
    }

    /** A form POST with this session's CSRF token. */
    public HttpResponse<String> post(String path, Map<String, List<String>> form) {
        Map<String, List<String>> withToken = new java.util.LinkedHashMap<>(form);
        withToken.put("_csrf", List.of(csrf()));
        return postRaw(path, withToken);
    }

    /** A form POST exactly as given (no CSRF token added). */
    public HttpResponse<String> postRaw(String path, Map<String, List<String>> form) {
        List<String> parts = new ArrayList<>();
        form.forEach((k, vs) -> vs.forEach(v -> parts.add(enc(k) + "=" + enc(v))));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", parts))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of this session (from the sign-in page, which every session may open). */
    public String csrf() {
        return Csrf.of(get("/login").body());
    }

    /** An API call with a bearer token. */
    public static HttpResponse<String> api(TestServer server, String token, String method, String path, String json,
                                           Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl + path)).header("Authorization", "Bearer " + token);
        headers.forEach(b::header);
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every match of the pattern's first group in the text. */
    public static List<String> all(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
