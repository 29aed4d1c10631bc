package io.tenure.server.browser;

import io.tenure.report.testing.HeadlessChromium;
import io.tenure.server.security.Region;
import io.tenure.server.security.Role;
import io.tenure.server.security.Users;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench in Chromium: a county manager signs in, filters the four-high list, assigns two entries to an
 * agent and opens a customer; the page switches to English and back; the agent signs in, opens the task,
 * reveals the number and records the outcome, which reaches the contact history and the audit log.
 */
class WorkbenchBrowserTest {
    /** An 11-digit mobile number standing alone (not inside a longer id such as a chart's instance name). */
    private static final String FULL_PHONE = "(?<![\\w.])1[3-9]\\d{9}(?!\\d)";
    private static ChromeDriver browser;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start();
        server = TestServer.h2();
        // an agent of its own, so the shared agents' daily capacity is left to the other tests
        server.context.getBean(Users.class).create("agent-browser", "客户经理丙", TestServer.PASSWORD, Role.AGENT,
                new Region(Region.Level.COUNTY, server.county), 10);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl + "/login?lang=zh");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        waitFor(() -> !browser.getCurrentUrl().contains("/login"));
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> condition.getAsBoolean());
    }

    @Test
    void managerAssignsWorkAndAgentRecordsTheOutcome() {
        signIn("manager");
        browser.get(server.baseUrl + "/lists/four-high");
        new Select(browser.findElement(By.id("filter-tag"))).selectByValue("HIGH_DATA");
        browser.findElement(By.id("filter-submit")).click();
        waitFor(() -> browser.getCurrentUrl().contains("tag=HIGH_DATA"));
        List<WebElement> rows = browser.findElements(By.cssSelector("tr.list-row"));
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.getAttribute("data-county")).isEqualTo(server.county);
            assertThat(r.getAttribute("data-tag")).isEqualTo("HIGH_DATA");
        });
        assertThat(browser.getPageSource()).doesNotContainPattern(FULL_PHONE);

        // tick the last two rows of the page (other tests take the first ones) and give them to agent2
        List<WebElement> boxes = browser.findElements(By.cssSelector("input[name=entry]"));
        assertThat(boxes.size()).isGreaterThanOrEqualTo(2);
        String picked = boxes.get(boxes.size() - 1).getAttribute("value");
        boxes.get(boxes.size() - 1).click();
        boxes.get(boxes.size() - 2).click();
        new Select(browser.findElement(By.id("assign-agent"))).selectByVisibleText(
                new Select(browser.findElement(By.id("assign-agent"))).getOptions().stream()
                        .filter(o -> o.getText().contains("客户经理丙")).findFirst().orElseThrow().getText());
        browser.findElement(By.id("assign-submit")).click();
        waitFor(() -> !browser.findElements(By.id("assign-result")).isEmpty());

        // the customer of the picked row, in Chinese, then in English, then back
        String subscriber = picked.substring(picked.indexOf(':') + 1);
        browser.get(server.baseUrl + "/customers/" + subscriber);
        String page = browser.getPageSource();
        assertThat(page).contains(subscriber).containsPattern("1[3-9]\\d\\*{4}\\d{4}").doesNotContainPattern(FULL_PHONE);
        String chinese = browser.findElement(By.tagName("header")).getText();
        browser.findElement(By.id("lang-en")).click();
        waitFor(() -> browser.findElement(By.tagName("header")).getText().contains("Sign out"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.findElement(By.id("lang-zh")).click();
        waitFor(() -> browser.findElement(By.tagName("header")).getText().equals(chinese));

        // the agent: the task, the number revealed, the outcome recorded
        signIn("agent-browser");
        browser.get(server.baseUrl + "/work/tasks");
        WebElement task = browser.findElements(By.cssSelector("tr.task-row")).stream()
                .filter(r -> subscriber.equals(r.getAttribute("data-subscriber"))).findFirst().orElseThrow();
        String taskId = task.getAttribute("data-task");
        task.findElement(By.tagName("a")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/work/tasks/" + taskId));
        assertThat(browser.findElement(By.id("phone-masked")).getText()).matches("1[3-9]\\d\\*{4}\\d{4}");
        browser.findElement(By.id("reveal")).click();
        waitFor(() -> !browser.findElements(By.id("phone-full")).isEmpty());
        assertThat(browser.findElement(By.id("phone-full")).getText()).matches("1[3-9]\\d{9}");

        new Select(browser.findElement(By.id("outcome"))).selectByValue("ACCEPTED");
        browser.findElement(By.id("note")).sendKeys("客户同意改用推荐套餐");
        browser.findElement(By.id("outcome-submit")).click();
        waitFor(() -> !browser.findElements(By.id("recorded")).isEmpty());

        assertThat(server.jdbc.queryForObject("SELECT status FROM task WHERE id = ?", String.class, Long.parseLong(taskId)))
                .isEqualTo("DONE");
        assertThat(server.jdbc.queryForObject("SELECT outcome FROM live_contact WHERE task_id = ?", String.class,
                Long.parseLong(taskId))).isEqualTo("ACCEPTED");
        assertThat(server.jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE actor = 'agent-browser' AND action = 'REVEAL' "
                + "AND target = ?", Integer.class, subscriber)).isEqualTo(1);
    }
}
