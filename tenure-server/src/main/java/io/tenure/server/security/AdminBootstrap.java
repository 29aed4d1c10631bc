package io.tenure.server.security;

import io.tenure.server.audit.AuditLog;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/** The first start creates the admin account with a random password, printed once; there are no default passwords. */
@Component
class AdminBootstrap implements ApplicationRunner {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private final Users users;
    private final AuditLog audit;

    AdminBootstrap(Users users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyAdmin()) {
            return;
        }
        String password = randomPassword();
        users.create("admin", "Administrator", password, Role.ADMIN, Region.PROVINCE, 0);
        audit.append("system", AuditLog.Action.USER_CHANGE, "admin", "first start: admin account created", null);
        System.out.println("""

                First start: created the account 'admin' with the password
                    %s
                It is shown only this once. Sign in, then create the staff accounts under Users.
                """.formatted(password));
    }

    static String randomPassword() {
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
