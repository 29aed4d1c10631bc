package io.tenure.server.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two chains. The API ({@code /api/**}): bearer tokens, no session, no cookies (so no CSRF to forge), scopes checked
 * per call. The pages: form sign-in, session with timeout, CSRF tokens on every write, strict security headers
 * (no inline scripts), each area open to its roles only.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Request patterns are matched on the request's path (Spring Security 7's default), not via Spring MVC's mappings. */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean pathPatterns() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    /**
     * The API's description and its browsable docs: public, no session, and the pages' headers, since the docs are a
     * page whose scripts and styles the server serves itself (the API's own policy allows no script at all).
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/docs", "/api/docs/**", "/api/swagger-ui/**", "/api/openapi.json", "/api/openapi.json/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)).frameOptions(f -> f.deny()));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                // no session, sign-in or sign-out here: a request carries its token or is refused
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .servletApi(s -> s.disable())
                .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                // what each scope allows, in one place; a path not listed here is refused to every token
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/customers/**").hasAuthority("SCOPE_customers:read")
                        .requestMatchers(HttpMethod.GET, "/api/lists/**").hasAuthority("SCOPE_lists:read")
                        .requestMatchers(HttpMethod.GET, "/api/tasks/**").hasAuthority("SCOPE_tasks:read")
                        .requestMatchers(HttpMethod.POST, "/api/tasks/**").hasAuthority("SCOPE_tasks:write")
                        .requestMatchers(HttpMethod.POST, "/api/events/**").hasAuthority("SCOPE_events:write")
                        .requestMatchers(HttpMethod.GET, "/api/contacts/**").hasAuthority("SCOPE_contacts:read")
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> json(res, 401, "UNAUTHORIZED",
                                "send Authorization: Bearer <token>; an admin creates tokens under Users → API tokens"))
                        .accessDeniedHandler((req, res, ex) -> json(res, 403, "FORBIDDEN",
                                "the token lacks the scope for this call (the scopes of each call are in /api/docs)")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error", "/privacy/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/audit/**").hasRole("AUDITOR")
                        .requestMatchers("/work/**").hasAnyRole("MANAGER", "AGENT")
                        .requestMatchers(HttpMethod.GET, "/", "/dashboard/**", "/lists/**", "/customers/**")
                        .hasAnyRole("ADMIN", "ANALYST", "MANAGER", "AGENT")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    static void json(HttpServletResponse res, int status, String code, String message) throws java.io.IOException {
        res.setStatus(status);
        res.setContentType("application/json;charset=UTF-8");
        res.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}");
    }
}
