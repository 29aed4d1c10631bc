package io.tenure.server.customer;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.server.audit.AuditLog;
import io.tenure.server.security.StaffUser;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * The customer 360 for a member of staff or a token: read inside the caller's region, every view audited. A
 * subscriber outside the region is answered exactly like a missing one, so a region cannot be probed.
 */
@Service
public class Customers {
    private final CustomerRepository repository;
    private final AuditLog audit;

    public Customers(CustomerRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** The subscriber id matching a lookup (subscriber id or 11-digit phone number) inside the caller's region. */
    public Optional<String> lookup(StaffUser user, String query) {
        return repository.find(user.region(), query);
    }

    /** The card of a subscriber in the caller's region; NOT_FOUND when missing or outside it. */
    public CustomerCard card(StaffUser user, String subscriberId, String channel, String remoteAddr) {
        var head = head(user, subscriberId);
        String id = head.profile().subscriberId();
        var now = head.standing();
        CustomerCard c = new CustomerCard(head.asOf(), head.profile(), head.plan(), head.monthToDate(), now.tags(),
                now.warnings(), head.risk(), now.offers(), now.openTasks());
        audit.appendSoon(user.username(), AuditLog.Action.VIEW_360, id, channel + " card", remoteAddr);
        return c;
    }

    private CustomerRepository.Head head(StaffUser user, String subscriberId) {
        return repository.head(user.region(), subscriberId).orElseThrow(() -> new TenureException(ErrorCode.NOT_FOUND,
                "no subscriber '" + subscriberId + "' in your region; check the subscriber id, or look the customer up by "
                        + "the full 11-digit phone number"));
    }

    /** The 360 of a subscriber in the caller's region; NOT_FOUND when missing or outside it. */
    public Customer360 view(StaffUser user, String subscriberId, String channel, String remoteAddr) {
        var region = user.region();
        var head = head(user, subscriberId);
        String id = head.profile().subscriberId();
        var now = head.standing();
        Customer360 c = new Customer360(head.asOf(), head.profile(), head.plan(), repository.packs(head.addonIds()),
                repository.months(region, id), head.monthToDate(), repository.vas(region, id), repository.complaints(region, id),
                repository.surveys(region, id), repository.portEvents(region, id), repository.contacts(region, id), now.tags(),
                now.warnings(), head.risk(), now.offers(), now.openTasks());
        // who looked at whom is personal-information processing, kept in the audit log
        audit.appendSoon(user.username(), AuditLog.Action.VIEW_360, id, channel, remoteAddr);
        return c;
    }
}
