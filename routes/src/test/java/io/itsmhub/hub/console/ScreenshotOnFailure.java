package io.itsmhub.hub.console;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Keeps what the browser showed when a test failed: FAILED-Class-method.png and .html under target/screenshots. */
class ScreenshotOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser browser = BrowserTestSupport.browser;
        if (browser == null) {
            return;
        }
        String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            browser.screenshot(name);
            Files.writeString(Browser.SCREENSHOTS.resolve(name + ".html"),
                    browser.driver().getCurrentUrl() + "\n" + browser.driver().getPageSource());
        } catch (RuntimeException | IOException e) {
            cause.addSuppressed(e);
        }
    }
}
