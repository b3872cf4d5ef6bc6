package io.gridbot.app.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromedriver}, never a downloaded
 * browser) with a fresh profile, as one person uses it: waits on elements, never sleeps, and saves
 * a screenshot of each step under {@code target/browser-screenshots}.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
  private static final Duration WAIT = Duration.ofSeconds(30);

  final ChromeDriver driver;
  private final Path profile;
  private final String name;
  private int step;

  Browser(String name, int width, int height) {
    this.name = name;
    try {
      this.profile = Files.createTempDirectory("gridbot-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--lang=zh-CN",
            "--window-size=" + width + "," + height,
            "--user-data-dir=" + profile.toAbsolutePath()));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    this.driver = new ChromeDriver(service, options);
  }

  void open(String url) {
    driver.get(url);
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, WAIT);
  }

  WebElement visible(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Clicks the element once it is clickable; a list re-rendered meanwhile is looked up again. */
  void click(By by) {
    waiting()
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
              if (e == null) {
                return false;
              }
              e.click();
              return true;
            });
  }

  void type(By by, String text) {
    WebElement field = visible(by);
    field.clear();
    field.sendKeys(text);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Lets pages of {@code origin} read the position given, as a phone's browser would. */
  void placeAt(String origin, double latitude, double longitude) {
    driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of("origin", origin, "permissions", List.of("geolocation")));
    driver.executeCdpCommand(
        "Emulation.setGeolocationOverride",
        Map.of("latitude", latitude, "longitude", longitude, "accuracy", 10));
  }

  /** Saves what the browser shows now as {@code <name>-<nn>-<what>.png}. */
  void screenshot(String what) {
    try {
      Files.createDirectories(SCREENSHOTS);
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", name, ++step, what)), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try {
        FileSystemUtils.deleteRecursively(profile);
      } catch (IOException e) {
        // a leftover temporary profile harms nobody
      }
    }
  }
}
