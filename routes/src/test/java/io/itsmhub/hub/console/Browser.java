package io.itsmhub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which bin/test installs) driven
 * through WebDriver, with what the console tests need: sign in, wait for what a person would wait for, save a
 * screenshot of each main page under {@code target/screenshots}, and check a page at phone width.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Dimension DESKTOP = new Dimension(1366, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    public static Browser open(String baseUrl, String language) {
        assertThat(CHROMIUM).as("Chromium is installed (apt-get install chromium chromium-driver; bin/test does it)")
                .exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--lang=" + language, "--window-size=1366,900");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(DESKTOP);
        return new Browser(driver, baseUrl);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public Browser login(String username, String password) {
        driver.manage().deleteAllCookies();
        go("/login");
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(password);
        find(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> !path().equals("/login"));
        return this;
    }

    public WebElement find(By by) {
        return waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** The element's text, read again if the page replaced the element meanwhile (htmx swaps live parts). */
    public String text(By by) {
        return waitFor(Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement element = d.findElement(by);
                    return element.isDisplayed() ? element.getText() : null;
                });
    }

    public Browser click(By by) {
        waitFor(Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    public Browser type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitFor(Duration.ofSeconds(15)).until(condition);
    }

    public WebDriverWait waitFor(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves what the user sees now as target/screenshots/NAME.png (a test artifact). */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The current page at a phone's width: nothing may stick out sideways (wide tables scroll inside their own
     * box), and the screenshot NAME-phone.png shows it. The desktop width is restored afterwards.
     */
    public Browser checkPhoneWidth(String name) {
        driver.manage().window().setSize(PHONE);
        try {
            waitUntil(d -> ((Number) script("return window.innerWidth")).intValue() <= PHONE.width);
            long overflow = ((Number) script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
            Object culprits = overflow <= 0 ? "" : script("""
                    var w = document.documentElement.clientWidth, out = [];
                    document.querySelectorAll('body *').forEach(function (e) {
                      var r = e.getBoundingClientRect();
                      if (r.right > w + 1 && !e.closest('.table-wrap')) {
                        out.push(e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(r.right));
                      }
                    });
                    return out.slice(0, 5).join(', ');""");
            assertThat(overflow).as("%s at phone width scrolls sideways by %d px (%s)", path(), overflow, culprits)
                    .isLessThanOrEqualTo(0);
            screenshot(name + "-phone");
        } finally {
            driver.manage().window().setSize(DESKTOP);
        }
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
