package io.tenure.server.work;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import io.tenure.server.ServerSettings;
import io.tenure.server.security.Current;
import io.tenure.server.security.Role;
import io.tenure.server.security.StaffUser;
import io.tenure.server.security.Users;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The worklist pages: an agent's own tasks (open, call-backs, done today), a task with the customer summary, the
 * script, the audited number reveal and the outcome form; a manager's view of the region's tasks; and assignment
 * from the list pages.
 */
@Controller
@RequestMapping("/work")
class WorkController {
    private final WorkService work;
    private final Users users;
    private final ServerSettings settings;

    WorkController(WorkService work, Users users, ServerSettings settings) {
        this.work = work;
        this.users = users;
        this.settings = settings;
    }

    @GetMapping("/tasks")
    String tasks(@RequestParam(name = "status", required = false) String status,
                 @RequestParam(name = "agent", required = false) String agent,
                 @RequestParam(name = "page", required = false, defaultValue = "1") int page, Model model) {
        StaffUser me = Current.user();
        model.addAttribute("now", work.now());
        model.addAttribute("zone", OutcomeInput.ZONE);
        if (me.role() == Role.AGENT) {
            model.addAllAttributes(work.worklist(me));
            return "work/tasks";
        }
        TaskStatus s = status == null || status.isBlank() ? null : status(status);
        String a = agent == null || agent.isBlank() ? null : agent.strip();
        if (page < 1) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "page counts from 1");
        }
        model.addAttribute("rows", work.search(me, s, a, page, settings.pageSize()));
        model.addAttribute("prevUrl", url(s, a, page - 1));
        model.addAttribute("nextUrl", url(s, a, page + 1));
        model.addAttribute("status", s);
        model.addAttribute("agent", a);
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("agents", users.agentsIn(me.region()));
        return "work/tasks";
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable("id") long id, Model model) {
        return detail(Current.user(), work.task(Current.user(), id), null, model);
    }

    @PostMapping("/tasks/{id}/reveal")
    String reveal(@PathVariable("id") long id, HttpServletRequest request, Model model) {
        StaffUser me = Current.user();
        String number = work.reveal(me, id, Current.addr(request));
        return detail(me, work.task(me, id), number, model);
    }

    @PostMapping("/tasks/{id}/outcome")
    Object outcome(@PathVariable("id") long id, @RequestParam(name = "outcome", required = false) String outcome,
                   @RequestParam(name = "callbackAt", required = false) String callbackAt,
                   @RequestParam(name = "note", required = false) String note,
                   HttpServletRequest request, RedirectAttributes redirect, Model model) {
        StaffUser me = Current.user();
        Task task = work.ownOpenTask(me, id);
        var problem = OutcomeInput.problem(outcome, callbackAt, note, work.now());
        if (problem.isPresent()) {
            // the form again, with what was typed and what is wrong
            model.addAttribute("error", problem.get());
            model.addAttribute("formOutcome", outcome);
            model.addAttribute("formCallbackAt", callbackAt);
            model.addAttribute("formNote", note);
            ModelAndView mv = new ModelAndView(detail(me, task, null, model), model.asMap());
            mv.setStatus(HttpStatus.BAD_REQUEST);
            return mv;
        }
        WorkService.Recorded r = work.recordByAgent(me, id, OutcomeInput.of(outcome, callbackAt, note, work.now()),
                Current.addr(request));
        redirect.addFlashAttribute("recorded", r.outcome().name());
        return "redirect:/work/tasks/" + id;
    }

    @PostMapping("/assign")
    @PreAuthorize("hasRole('MANAGER')")
    public String assign(@RequestParam(name = "entry", required = false) List<String> entry,
                         @RequestParam(name = "subscriber", required = false) List<String> subscriber,
                         @RequestParam(name = "source", required = false) String source, @RequestParam("agentId") long agentId,
                         @RequestParam(name = "back", required = false) String back, HttpServletRequest request,
                         RedirectAttributes redirect) {
        List<Entry> entries = new ArrayList<>();
        if (entry != null) {
            entry.forEach(e -> entries.add(Entry.parse(e)));
        }
        if (subscriber != null) {
            subscriber.forEach(s -> entries.add(new Entry(s, source)));
        }
        AssignResult result = work.assign(Current.user(), agentId, entries, Current.addr(request));
        redirect.addFlashAttribute("assigned", result);
        // back to the list the rows were ticked on; only pages of this server
        boolean local = back != null && back.matches("/(lists|work)/[A-Za-z0-9/_.?=&%+,:-]*") && !back.startsWith("//");
        return "redirect:" + (local ? back : "/work/tasks");
    }

    private String detail(StaffUser me, Task task, String revealed, Model model) {
        model.addAttribute("task", task);
        model.addAttribute("customer", work.summary(me, task));
        model.addAttribute("revealed", revealed);
        boolean mine = me.role() == Role.AGENT && task.agentId() == me.id();
        model.addAttribute("mine", mine);
        model.addAttribute("canAct", mine && task.status().open());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("now", work.now());
        model.addAttribute("zone", OutcomeInput.ZONE);
        return "work/task";
    }

    private static String url(TaskStatus status, String agent, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/work/tasks");
        if (status != null) {
            b.queryParam("status", status.name());
        }
        if (agent != null) {
            b.queryParam("agent", agent);
        }
        if (page > 1) {
            b.queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }

    private static TaskStatus status(String s) {
        try {
            return TaskStatus.valueOf(s.strip());
        } catch (IllegalArgumentException e) {
            throw new TenureException(ErrorCode.INVALID_ARGUMENT, "status must be one of " + Arrays.toString(TaskStatus.values()));
        }
    }
}
