package jp.tsunagu.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The demo keeps its database under ./data across restarts, and its organisation is migration V900 and up: a
 * database made by an earlier version must take a schema migration added since (V16 and so on), which Flyway
 * otherwise refuses as out of order, and the app did not start.
 */
class DemoDatabaseUpgradeTest {

    @Test
    void aDemoDatabaseFromAnEarlierVersionTakesTheNewMigrations(@TempDir Path earlier) throws Exception {
        Path common = copyWithoutNewest("db/migration/common", earlier.resolve("common"));
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:demo-upgrade;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database)
                .locations("filesystem:" + common, "classpath:db/migration/h2", "classpath:db/demo").load().migrate();

        Properties demo = new Properties();
        try (InputStream in = new ClassPathResource("application-demo.properties").getInputStream()) {
            demo.load(in);
        }
        Flyway upgrade = Flyway.configure().dataSource(database)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2", "classpath:db/demo")
                .outOfOrder(Boolean.parseBoolean(demo.getProperty("spring.flyway.out-of-order", "false"))).load();
        upgrade.migrate();

        assertThat(upgrade.info().pending()).isEmpty();
    }

    /** The common migrations as an earlier version shipped them: all but the newest. */
    private static Path copyWithoutNewest(String location, Path target) throws IOException {
        Path source = Path.of(new ClassPathResource(location).getURI());
        Files.createDirectories(target);
        List<Path> files;
        try (Stream<Path> listed = Files.list(source)) {
            files = listed.sorted(Comparator.comparingInt(DemoDatabaseUpgradeTest::version)).toList();
        }
        for (Path file : files.subList(0, files.size() - 1)) {
            Files.copy(file, target.resolve(file.getFileName()));
        }
        return target;
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
