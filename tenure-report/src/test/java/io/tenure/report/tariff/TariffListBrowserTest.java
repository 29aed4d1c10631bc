package io.tenure.report.tariff;

import io.tenure.core.advice.PlanAdvisor;
import io.tenure.core.billing.BillSimulator;
import io.tenure.core.billing.Contract;
import io.tenure.core.billing.Tariff;
import io.tenure.core.billing.Usage;
import io.tenure.core.catalog.Addon;
import io.tenure.core.catalog.AddonId;
import io.tenure.core.catalog.AddonKind;
import io.tenure.core.catalog.Catalog;
import io.tenure.core.catalog.Network;
import io.tenure.core.catalog.Plan;
import io.tenure.core.catalog.PlanId;
import io.tenure.report.Lang;
import io.tenure.report.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The tariff page in a real headless browser: what its calculator answers is what the plan advisor answers. */
class TariffListBrowserTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private static ChromeDriver browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theCalculatorGivesTheAdvisorsCheapestOptionForTypedUsage() throws Exception {
        Random rnd = new Random(20261122);
        int checked = 0;
        for (int c = 0; c < 6; c++) {
            Catalog catalog = randomCatalog(rnd);
            Path page = dir.resolve("tariffs-" + c + ".html");
            new TariffList(Lang.ZH).writeHtml(catalog, "测试运营商", DAY, page);
            browser.get(page.toUri().toString());
            PlanAdvisor advisor = new PlanAdvisor(catalog);
            Plan anyPlan = catalog.plans().get(0);
            for (int i = 0; i < 40; i++) {
                long voice = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(1500);
                String gb = rnd.nextBoolean() ? String.valueOf(rnd.nextInt(80)) : rnd.nextInt(60) + "." + rnd.nextInt(10);
                long sms = rnd.nextInt(3) == 0 ? rnd.nextInt(300) : 0;
                List<?> first;
                if (i < 2) { // typed as a user types, then read off the page
                    type("voice", String.valueOf(voice));
                    type("data", gb);
                    type("sms", String.valueOf(sms));
                    browser.findElement(By.cssSelector("#calc button")).click();
                    WebElement row = browser.findElement(By.cssSelector("#results-body tr.option"));
                    first = List.of(row.getAttribute("data-plan"), row.getAttribute("data-packs"), row.getAttribute("data-total"),
                            row.findElement(By.cssSelector("td.total")).getText());
                } else { // the same through one script call, for many usages in little time
                    first = (List<?>) browser.executeScript("""
                            var typed = arguments;
                            ['voice', 'data', 'sms'].forEach(function (id, k) {
                              var e = document.getElementById(id);
                              e.value = typed[k];
                              e.dispatchEvent(new Event('input'));
                            });
                            var r = document.querySelector('#results-body tr.option');
                            return [r.dataset.plan, r.dataset.packs, r.dataset.total, r.querySelector('td.total').textContent];""",
                            String.valueOf(voice), gb, String.valueOf(sms));
                }

                Usage usage = new Usage(voice, Math.round(Double.parseDouble(gb) * 1024 * Usage.MICROS_PER_MB), sms);
                long advised = advisor.cheapest(anyPlan, Contract.NONE, DAY, List.of(usage)).orElseThrow().totalCents();
                long shown = Long.parseLong((String) first.get(2));
                assertThat(shown).as("usage %s on catalogue %d", usage, c).isEqualTo(advised);
                // the option shown is published and really costs that by the core's bill simulation
                Plan plan = catalog.plan(new PlanId((String) first.get(0))).orElseThrow();
                List<Addon> packs = new ArrayList<>();
                for (String id : ((String) first.get(1)).split(";")) {
                    if (!id.isEmpty()) {
                        packs.add(catalog.addon(new AddonId(id)).orElseThrow());
                    }
                }
                assertThat(plan.published()).isTrue();
                assertThat(packs).allMatch(Addon::published);
                assertThat(BillSimulator.cost(Tariff.of(plan, packs), usage)).isEqualTo(shown);
                assertThat(first.get(3)).isEqualTo(java.math.BigDecimal.valueOf(shown, 2).toPlainString());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(240);
    }

    @Test
    void listsEveryPublishedItemCheapestFirstAndNothingElse() throws Exception {
        Catalog catalog = randomCatalog(new Random(11));
        Path page = dir.resolve("tariffs.html");
        new TariffList(Lang.EN).writeHtml(catalog, "Test operator", DAY, page);
        browser.get(page.toUri().toString());

        List<String> codes = browser.findElements(By.cssSelector("#plans tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
        assertThat(codes).containsExactlyElementsOf(TariffList.plans(catalog).stream().map(p -> p.id().value()).toList());
        List<String> unpublished = catalog.plans().stream().filter(p -> !p.published()).map(p -> p.id().value()).toList();
        assertThat(unpublished).isNotEmpty();
        assertThat(codes).noneMatch(unpublished::contains);
        List<String> packCodes = browser.findElements(By.cssSelector("#packs tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
        assertThat(packCodes).containsExactlyInAnyOrderElementsOf(catalog.addons().stream().filter(Addon::published)
                .map(a -> a.id().value()).toList());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Test operator published tariff list");
    }

    @Test
    void saysWhatIsWrongWithUsageItCannotPrice() throws Exception {
        Path page = dir.resolve("tariffs-bad.html");
        new TariffList(Lang.ZH).writeHtml(randomCatalog(new Random(3)), "测试运营商", DAY, page);
        browser.get(page.toUri().toString());

        type("voice", "-5");
        WebElement error = browser.findElement(By.id("calc-error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).contains("不小于 0");
        assertThat(browser.findElements(By.cssSelector("#results-body tr"))).isEmpty();
        type("voice", "120");
        assertThat(error.isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#results-body tr"))).hasSize(5);
    }

    private static void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** 6–14 plans and 2–7 packs with random fees, allowances and rates; some of them unpublished. */
    private static Catalog randomCatalog(Random rnd) {
        List<Plan> plans = new ArrayList<>();
        int n = 6 + rnd.nextInt(9);
        for (int i = 0; i < n; i++) {
            long fee = (8 + rnd.nextInt(40)) * 300L;
            plans.add(new Plan(new PlanId("P" + i), "套餐" + (fee / 100) + "元-" + i, fee, rnd.nextInt(8) * 100L,
                    rnd.nextInt(40) * 1024L, rnd.nextInt(3) * 100L, 10 + rnd.nextInt(20), 300 + rnd.nextInt(800),
                    10, rnd.nextBoolean() ? Network.G5 : Network.G4, i == 0 || i != 1 && rnd.nextInt(5) > 0));
        }
        List<Addon> packs = new ArrayList<>();
        int k = 2 + rnd.nextInt(6);
        for (int i = 0; i < k; i++) {
            boolean data = rnd.nextBoolean();
            packs.add(new Addon(new AddonId("A" + i), (data ? "流量包" : "语音包") + i, data ? AddonKind.DATA : AddonKind.VOICE,
                    (5 + rnd.nextInt(30)) * 100L, data ? 0 : (1 + rnd.nextInt(6)) * 100L, data ? (1 + rnd.nextInt(30)) * 1024L : 0,
                    i != 1 && rnd.nextInt(4) > 0));
        }
        return new Catalog(plans, packs);
    }
}
