package io.damwebhooks.it.console;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console as a user works it: by labels' controls and buttons, always waiting explicitly. */
final class ConsolePage {

    final ChromeDriver driver;
    private final WebDriverWait wait;

    ConsolePage(ChromeDriver driver) {
        this.driver = driver;
        this.wait = waiting(Duration.ofSeconds(20));
    }

    // the list and the log re-render as they refresh: an element found a moment ago may be gone, so look again
    private WebDriverWait waiting(Duration within) {
        WebDriverWait wait = new WebDriverWait(driver, within);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    void signIn(String user, String password) {
        type("login-user", user);
        type("login-password", password);
        driver.findElement(By.id("login-submit")).click();
    }

    /** Goes to a view of the console as its links do: by the URL's hash, without reloading the page. */
    void go(String hash) {
        driver.executeScript("location.hash = arguments[0]", hash);
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement visible(String id) {
        return visible(By.id(id));
    }

    void type(String id, String text) {
        WebElement input = visible(id);
        input.clear();
        input.sendKeys(text);
    }

    void choose(String id, String value) {
        new Select(visible(id)).selectByValue(value);
    }

    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Confirms the page's confirmation dialog. */
    void confirm() {
        click("confirm-ok");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm")));
    }

    <T> T until(Duration within, Function<WebDriver, T> condition) {
        return waiting(within).until(condition);
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** The error shown beside a control: inside the same field box, named by its aria-describedby. */
    String errorBeside(String id) {
        WebElement control = driver.findElement(By.id(id));
        return until(d -> {
            String describedBy = control.getAttribute("aria-describedby");
            if (describedBy == null || !"true".equals(control.getAttribute("aria-invalid"))) return null;
            for (String errorId : describedBy.split(" ")) {
                if (errorId.startsWith("error-")) return d.findElement(By.id(errorId)).getText();
            }
            return null;
        });
    }

    /** Form controls that no {@code <label for>} names (hidden inputs aside). */
    @SuppressWarnings("unchecked")
    List<String> unlabelledControls() {
        return (List<String>) driver.executeScript("""
                return [...document.querySelectorAll('input, select, textarea')]
                    .filter(e => e.type !== 'hidden' && !(e.id && document.querySelector(`label[for="${CSS.escape(e.id)}"]`)))
                    .map(e => e.outerHTML);""");
    }

    /** The elements that stick out of the viewport on the right (a horizontal scrollbar), if any. */
    @SuppressWarnings("unchecked")
    List<String> overflowing(int width) {
        // measured against the width asked for: a phone's layout viewport may widen itself to its content
        return (List<String>) driver.executeScript("""
                const width = arguments[0];
                if (document.documentElement.scrollWidth <= width) return [];
                return [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1)
                    .map(e => e.tagName + '#' + e.id + '.' + e.className + ' right=' + e.getBoundingClientRect().right)
                    .slice(0, 10);""", width);
    }

    List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).toList();
    }
}
