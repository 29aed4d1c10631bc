package io.tenure.server.work;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.server.audit.AuditLog;
import io.tenure.server.lists.ListPage;
import io.tenure.server.security.Role;
import io.tenure.server.security.StaffUser;
import io.tenure.server.security.Users;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The worklist: managers assign list entries to the agents of their region within each agent's daily capacity
 * (highest priority first when it binds); the assigned agent reveals the number (audited) and records the outcome,
 * which also enters the contact history and, for an opt-out, the opt-out list at once.
 */
@Service
class WorkService {
    /** At most this many entries in one assignment. */
    static final int MAX_ENTRIES = 500;

    /** An outcome as recorded. */
    record Recorded(long taskId, TaskStatus status, Outcome outcome, long contactId) {
    }

    private final TaskRepository tasks;
    private final ListEntries entries;
    private final Users users;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.system(OutcomeInput.ZONE);

    WorkService(TaskRepository tasks, ListEntries entries, Users users, AuditLog audit, PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.entries = entries;
        this.users = users;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Assigns the entries found in the manager's region to one of the region's agents, within the agent's capacity. */
    AssignResult assign(StaffUser manager, long agentId, List<Entry> requested, String addr) {
        if (manager.role() != Role.MANAGER) {
            throw new TenureException(ErrorCode.FORBIDDEN, "only a manager assigns work");
        }
        if (requested.isEmpty()) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "no entries chosen: tick the rows to assign first");
        }
        if (requested.size() > MAX_ENTRIES) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "at most " + MAX_ENTRIES + " entries at once, got "
                    + requested.size() + "; assign them in parts");
        }
        StaffUser agent = users.agentsIn(manager.region()).stream().filter(u -> u.id() == agentId).findFirst()
                .orElseThrow(() -> new TenureException(ErrorCode.NOT_FOUND, "no agent " + agentId + " in your region; "
                        + "choose one of the agents listed"));
        Set<Entry> distinct = new LinkedHashSet<>(requested);
        try {
            return assignWithin(manager, agent, distinct, addr);
        } catch (DuplicateKeyException e) {
            throw new TenureException(ErrorCode.CONFLICT, "some of these entries were assigned by someone else at the same "
                    + "moment; nothing was assigned: reload the list and assign again");
        }
    }

    private AssignResult assignWithin(StaffUser manager, StaffUser agent, Set<Entry> distinct, String addr) {
        return tx.execute(s -> {
            LocalDate asOf = tasks.latestAsOf().orElseThrow(() -> new TenureException(ErrorCode.CONFLICT,
                    "nothing published yet: run the daily job before assigning work"));
            tasks.lockAgent(agent.id());
            Map<String, List<String>> bySource = distinct.stream().collect(Collectors.groupingBy(Entry::source,
                    LinkedHashMap::new, Collectors.mapping(Entry::subscriberId, Collectors.toList())));
            List<Candidate> open = new ArrayList<>();
            int notFound = 0;
            int already = 0;
            int notContactable = 0;
            for (var e : bySource.entrySet()) {
                Map<String, Candidate> found = entries.find(e.getKey(), e.getValue(), manager.region());
                Set<String> assigned = tasks.assigned(e.getKey(), asOf, found.keySet());
                Set<String> optedOut = tasks.optedOut(found.keySet());
                notFound += e.getValue().size() - found.size();
                for (Candidate c : found.values()) {
                    if (assigned.contains(c.entry().subscriberId())) {
                        already++;
                    } else if (optedOut.contains(c.entry().subscriberId()) || !c.contactAllowed()) {
                        notContactable++;
                    } else {
                        open.add(c);
                    }
                }
            }
            open.sort(Candidate.PRIORITY);
            LocalDate today = today();
            int todays = tasks.countOn(agent.id(), today);
            int room = Math.max(0, agent.dailyCapacity() - todays);
            List<Candidate> chosen = open.subList(0, Math.min(room, open.size()));
            Instant at = now();
            for (Candidate c : chosen) {
                tasks.insert(new TaskRepository.NewTask(c, asOf, agent.id(), manager.id(), at, today));
            }
            AssignResult result = new AssignResult(agent.displayName(), distinct.size(), chosen.size(), already,
                    open.size() - chosen.size(), notFound, notContactable, agent.dailyCapacity(), todays);
            audit.append(manager.username(), AuditLog.Action.ASSIGN, "agent:" + agent.username(), "as of " + asOf + ": "
                    + chosen.size() + " assigned " + chosen.stream().map(c -> c.entry().source() + ":" + c.entry().subscriberId())
                    .toList() + "; " + result.overCapacity() + " over the daily capacity " + agent.dailyCapacity() + ", "
                    + already + " already assigned, " + notFound + " not in the lists of the region, " + notContactable
                    + " not to be contacted", addr);
            return result;
        });
    }

    /** The task as this user may see it: an agent their own, a manager or a token those of the region; else not found. */
    Task task(StaffUser user, long id) {
        Long agent = user.role() == Role.AGENT ? user.id() : null;
        boolean allowed = user.isToken() || user.role() == Role.AGENT || user.role() == Role.MANAGER;
        return (allowed ? tasks.find(id, user.region(), agent) : Optional.<Task>empty())
                .orElseThrow(() -> new TenureException(ErrorCode.NOT_FOUND, "no task " + id + " among your tasks"));
    }

    CustomerSummary summary(StaffUser user, Task task) {
        return tasks.summary(task.subscriberId(), user.region()).orElse(null);
    }

    /** The task if this user is its agent and the call is still to be made; else not found, forbidden or conflict. */
    Task ownOpenTask(StaffUser user, long id) {
        Task t = task(user, id);
        if (user.role() != Role.AGENT || t.agentId() != user.id()) {
            throw new TenureException(ErrorCode.FORBIDDEN, "only the agent the task is assigned to may reveal the number "
                    + "and record the outcome");
        }
        if (!t.status().open()) {
            throw new TenureException(ErrorCode.CONFLICT, "task " + id + " is done; its outcome is recorded and the number "
                    + "is shown only for open work");
        }
        return t;
    }

    /** The full number, for the assigned agent of an open task only; audited. */
    String reveal(StaffUser user, long id, String addr) {
        Task t = ownOpenTask(user, id);
        String msisdn = tasks.msisdn(t.subscriberId(), user.region()).orElseThrow(() -> new TenureException(
                ErrorCode.NOT_FOUND, "subscriber " + t.subscriberId() + " is no longer published"));
        audit.append(user.username(), AuditLog.Action.REVEAL, t.subscriberId(), "phone number for task " + id, addr);
        return msisdn;
    }

    /** An agent records the outcome of their own open task from the task page. */
    Recorded recordByAgent(StaffUser agent, long id, OutcomeInput in, String addr) {
        Task t = ownOpenTask(agent, id);
        return record(t, in, agent.username(), "agent:" + agent.username(), addr);
    }

    /**
     * Another system records the outcome of a task of its region; {@code agent}, when given, must be the user name of
     * the task's agent (who made the call).
     */
    Recorded recordByToken(StaffUser token, long id, OutcomeInput in, String agent, String addr) {
        Task t = task(token, id);
        if (agent != null && !agent.equals(t.agent())) {
            throw OutcomeInput.exception(OutcomeInput.invalid("agent", "task " + id + " is assigned to another agent"));
        }
        String source = agent != null ? "agent:" + agent : "api:" + token.displayName();
        return record(t, in, token.username(), source, addr);
    }

    private Recorded record(Task t, OutcomeInput in, String actor, String source, String addr) {
        return tx.execute(s -> {
            Instant at = now();
            if (!tasks.recordOutcome(t.id(), in, at)) {
                throw new TenureException(ErrorCode.CONFLICT, "the outcome of task " + t.id() + " is already recorded");
            }
            long contact = tasks.addContact(t, in.outcome(), source, at);
            if (in.outcome() == Outcome.OPTED_OUT) {
                tasks.optOut(t.subscriberId(), source, at);
            }
            audit.append(actor, AuditLog.Action.OUTCOME, "task:" + t.id(), in.outcome() + " for " + t.subscriberId()
                    + (in.callbackAt() == null ? "" : ", call back at " + in.callbackAt()), addr);
            return new Recorded(t.id(), in.outcome().status(), in.outcome(), contact);
        });
    }

    /** The agent's worklist: open, call-backs, done today. */
    Map<String, List<Task>> worklist(StaffUser agent) {
        Instant startOfToday = today().atStartOfDay(OutcomeInput.ZONE).toInstant();
        Map<String, List<Task>> m = new LinkedHashMap<>();
        m.put("open", tasks.ofAgent(agent.id(), agent.region(), TaskStatus.OPEN, null));
        m.put("callback", tasks.ofAgent(agent.id(), agent.region(), TaskStatus.CALL_BACK, null));
        m.put("done", tasks.ofAgent(agent.id(), agent.region(), TaskStatus.DONE, startOfToday));
        return m;
    }

    ListPage<Task> search(StaffUser user, TaskStatus status, String agent, int page, int size) {
        if (!user.isToken() && user.role() != Role.MANAGER) {
            throw new TenureException(ErrorCode.FORBIDDEN, "only managers and systems with tasks:read search the region's tasks");
        }
        return tasks.search(user.region(), status, agent, page, size);
    }
}
