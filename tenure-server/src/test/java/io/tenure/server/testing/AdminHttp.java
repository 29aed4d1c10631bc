package io.tenure.server.testing;

import io.tenure.server.security.ApiTokens;
import io.tenure.server.security.Region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * HTTP against a test server as a browser would (a cookie jar, the sign-in form, CSRF tokens read from the page,
 * redirects not followed so they can be checked) and as an API client (bearer tokens).
 */
public final class AdminHttp {

    private final TestServer server;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    private AdminHttp(TestServer server) {
        this.server = server;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A browser that has not signed in. */
    public static AdminHttp anonymous(TestServer server) {
        return new AdminHttp(server);
    }

    /** A browser signed in as the user; fails unless the sign-in succeeded. */
    public static AdminHttp signedIn(TestServer server, String user, String password) {
        AdminHttp http = new AdminHttp(server);
        HttpResponse<String> r = http.signIn(user, password);
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("sign-in of " + user + " failed: " + r.statusCode() + " " + location);
        }
        return http;
    }

    /** Posts the sign-in form; the answer is a redirect to / (success) or to /login?error. */
    public HttpResponse<String> signIn(String user, String password) {
        String csrf = Csrf.of(get("/login").body());
        return post("/login", Map.of("username", user, "password", password, "_csrf", csrf));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** Posts a form as is (add {@code _csrf} to send a token). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
    }

    /** Posts a form whose fields may repeat (checkboxes). */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> form) {
        String body = form.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts a form with the CSRF token of the page it is on, as the browser would. */
    public HttpResponse<String> submit(String pagePath, String action, Map<String, String> form) {
        return submit(pagePath, action, new ArrayList<>(form.entrySet()));
    }

    public HttpResponse<String> submit(String pagePath, String action, List<Map.Entry<String, String>> form) {
        List<Map.Entry<String, String>> all = new ArrayList<>(form);
        all.add(Map.entry("_csrf", Csrf.of(get(pagePath).body())));
        return post(action, all);
    }

    /** The page a redirect answer points to. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("not a redirect: " + redirect.statusCode()));
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl + "/").resolve(location)).GET().build());
    }

    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    /** A call of the API with a bearer token (null for none), a JSON body (null for none) and extra headers. */
    public static HttpResponse<String> api(TestServer server, String method, String path, String token, String json,
                                           String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new API token of the server; returns its secret. */
    public static String token(TestServer server, String name, Region region, String... scopes) {
        return server.context.getBean(ApiTokens.class).create(name, List.of(scopes), region, "test");
    }

    public static Map<String, String> form(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(server.baseUrl + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
