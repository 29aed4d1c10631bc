package io.tenure.server.privacy;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The two lists an operator publishes about personal information (个人信息收集清单 and 第三方共享清单): what the
 * platform collects, why, where it is used and how long it is kept; and what it shares with whom, why and on which
 * basis. The catalogue is here, by the data contract's fields and the server's own tables; the words are in the
 * {@code i18n/privacy} messages (Chinese, English), read the same way by the page and by {@link #render} for the
 * command line, so both always say the same.
 */
public final class PrivacyLists {
    /** A kind of personal information collected: its catalogue id and the fields (feed or table columns) it covers. */
    public record Collected(String id, List<String> fields) {
        public Collected {
            if (id == null || id.isBlank() || fields == null || fields.isEmpty()) {
                throw new TenureException(ErrorCode.INTERNAL, "a collected item needs an id and its fields");
            }
            fields = List.copyOf(fields);
        }
    }

    /** A recipient outside the platform: its catalogue id and the fields (or answer items) it receives. */
    public record Shared(String id, List<String> fields) {
        public Shared {
            if (id == null || id.isBlank() || fields == null || fields.isEmpty()) {
                throw new TenureException(ErrorCode.INTERNAL, "a shared item needs an id and its fields");
            }
            fields = List.copyOf(fields);
        }
    }

    /** A row of the collection list in one language. */
    public record CollectedRow(String item, List<String> fields, String purpose, String usedIn, String retention) {
    }

    /** A row of the sharing list in one language. */
    public record SharedRow(String recipient, List<String> fields, String content, String purpose, String basis) {
    }

    /** What is collected: the data contract's personal fields, then the server's own records. */
    public static final List<Collected> COLLECTED = List.of(
            new Collected("name", List.of("customer_name")),
            new Collected("id_number", List.of("id_number")),
            new Collected("msisdn", List.of("msisdn")),
            new Collected("demographics", List.of("birth_date", "gender")),
            new Collected("account", List.of("status", "real_name", "owner_type", "vip_level", "contract_kind",
                    "contract_end_date", "min_spend", "arrears", "marketing_consent", "dnd", "last_port_in_date",
                    "family_id", "group_id", "account_manager_id")),
            new Collected("usage", List.of("bills", "usage", "usage_daily", "vas")),
            new Collected("complaints", List.of("complaints.text", "complaints.category", "complaints.channel",
                    "complaints.created_at", "complaints.closed_at", "complaints.resolved")),
            new Collected("surveys", List.of("surveys")),
            new Collected("contacts", List.of("contacts", "opt_out")),
            new Collected("port_events", List.of("mnp_events")),
            new Collected("staff", List.of("app_user.username", "app_user.display_name", "app_user.password_hash",
                    "app_user.role", "app_user.region")),
            new Collected("audit", List.of("audit_log.actor", "audit_log.action", "audit_log.target", "audit_log.detail",
                    "audit_log.remote_addr")));

    /** Who receives what. */
    public static final List<Shared> SHARED = List.of(
            new Shared("sms_gateway", List.of("msisdn", "four_high.sms", "early_warning.sms")),
            new Shared("portability", List.of("msisdn", "eligible", "reasons")),
            new Shared("crm", List.of("subscriber_id", "contact_time", "channel", "purpose", "campaign_id", "action_id",
                    "outcome")),
            new Shared("api_clients", List.of("subscriber_id", "msisdn (138****5678)", "customer_name (张*)", "four_high", "early_warning",
                    "risk", "task")));

    private PrivacyLists() {
    }

    public static List<CollectedRow> collected(Locale locale) {
        ResourceBundle m = messages(locale);
        return COLLECTED.stream().map(c -> new CollectedRow(m.getString("privacy.c." + c.id() + ".item"), c.fields(),
                m.getString("privacy.c." + c.id() + ".purpose"), m.getString("privacy.c." + c.id() + ".used"),
                m.getString("privacy.c." + c.id() + ".kept"))).toList();
    }

    public static List<SharedRow> shared(Locale locale) {
        ResourceBundle m = messages(locale);
        return SHARED.stream().map(s -> new SharedRow(m.getString("privacy.s." + s.id() + ".recipient"), s.fields(),
                m.getString("privacy.s." + s.id() + ".content"), m.getString("privacy.s." + s.id() + ".purpose"),
                m.getString("privacy.s." + s.id() + ".basis"))).toList();
    }

    /** Both lists as plain text, for the command line to print (Chinese unless the locale is English). */
    public static String render(Locale locale) {
        ResourceBundle m = messages(locale);
        StringBuilder b = new StringBuilder();
        b.append(m.getString("privacy.collected.title")).append('\n');
        b.append(m.getString("privacy.collected.intro")).append("\n\n");
        int i = 1;
        for (CollectedRow r : collected(locale)) {
            b.append(i++).append(". ").append(r.item()).append('\n');
            line(b, m.getString("privacy.col.fields"), String.join(", ", r.fields()));
            line(b, m.getString("privacy.col.purpose"), r.purpose());
            line(b, m.getString("privacy.col.used"), r.usedIn());
            line(b, m.getString("privacy.col.kept"), r.retention());
            b.append('\n');
        }
        b.append(m.getString("privacy.shared.title")).append('\n');
        b.append(m.getString("privacy.shared.intro")).append("\n\n");
        i = 1;
        for (SharedRow r : shared(locale)) {
            b.append(i++).append(". ").append(r.recipient()).append('\n');
            line(b, m.getString("privacy.col.content"), r.content());
            line(b, m.getString("privacy.col.fields"), String.join(", ", r.fields()));
            line(b, m.getString("privacy.col.purpose"), r.purpose());
            line(b, m.getString("privacy.col.basis"), r.basis());
            b.append('\n');
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append("   ").append(label).append(": ").append(value).append('\n');
    }

    /** The privacy messages: English for an English locale, otherwise the Chinese base (never the machine's locale). */
    static ResourceBundle messages(Locale locale) {
        Locale l = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        try {
            return ResourceBundle.getBundle("i18n/privacy", l,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new TenureException(ErrorCode.INTERNAL, "the privacy messages i18n/privacy.properties are missing from "
                    + "the classpath", e);
        }
    }
}
