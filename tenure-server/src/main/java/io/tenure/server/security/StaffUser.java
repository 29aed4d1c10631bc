package io.tenure.server.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A signed-in member of staff (or an API token acting as one): who, which role, which region. */
public record StaffUser(long id, String username, String displayName, String passwordHash, Role role, Region region,
                        int dailyCapacity, Instant lockedUntil, boolean enabled, List<String> scopes) implements UserDetails {
    public StaffUser {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        var auth = new java.util.ArrayList<GrantedAuthority>();
        auth.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        scopes.forEach(s -> auth.add(new SimpleGrantedAuthority("SCOPE_" + s)));
        return auth;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Whether this is an API token rather than a person. */
    public boolean isToken() {
        return id < 0;
    }

    @Override
    public String toString() {
        return "StaffUser[" + username + ", " + role + ", " + region + "]"; // never the hash
    }
}
