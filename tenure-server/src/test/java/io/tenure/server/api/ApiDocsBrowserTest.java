package io.tenure.server.api;

import io.tenure.report.testing.HeadlessChromium;
import io.tenure.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsBrowserTest {
    @Test
    void theDocsPageShowsTheCallsUnderTheContentSecurityPolicy() throws Exception {
        TestServer s = TestServer.h2();
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.get(s.baseUrl + "/api/docs");
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (browser.findElements(By.cssSelector("[data-path='/api/events/complaints']")).isEmpty()
                    && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(browser.findElements(By.cssSelector("[data-path='/api/events/complaints']"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("[data-path='/api/contacts']"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector(".btn.authorize"))).as("the bearer scheme offers sign-in").isNotEmpty();
            assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                    .noneSatisfy(e -> assertThat(e.getMessage()).contains("Content Security Policy"));
        } finally {
            browser.quit();
        }
    }
}
