package jp.tsunagu.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test drives Debian's headless Chromium. Outside CI it is skipped, with a clear message, when
 * {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing; under {@code CI=true} it always runs, so a
 * missing browser fails the build.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ChromiumCondition.class)
public @interface RequiresChromium {
}
