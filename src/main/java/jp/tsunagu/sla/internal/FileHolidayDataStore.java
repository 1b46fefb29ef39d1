package jp.tsunagu.sla.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads the override file {@code tsunagu.calendar.holiday-file} when it exists, else the shipped
 * {@code holidays/syukujitsu.csv}; a replacement is written to the override file. Without that property a
 * replacement lasts only until the next start. The application keeps replacements in the database
 * ({@link JdbcHolidayDataStore}) and reads this store only while there is none.
 */
public class FileHolidayDataStore implements HolidayDataStore {

    static final String SHIPPED_FILE = "holidays/syukujitsu.csv";

    private static final Logger log = LoggerFactory.getLogger(FileHolidayDataStore.class);

    private final Optional<Path> overrideFile;

    public FileHolidayDataStore(CalendarProperties properties) {
        this.overrideFile = properties.holidayFile();
    }

    @Override
    public byte[] load() {
        try {
            if (overrideFile.isPresent() && Files.exists(overrideFile.get())) {
                log.debug("Reading holiday data from {}", overrideFile.get());
                return Files.readAllBytes(overrideFile.get());
            }
            try (InputStream shipped = new ClassPathResource(SHIPPED_FILE).getInputStream()) {
                return shipped.readAllBytes();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the holiday data", e);
        }
    }

    @Override
    public void save(byte[] shiftJisCsv) {
        if (overrideFile.isEmpty()) {
            log.warn("tsunagu.calendar.holiday-file is not set: the new holiday data is lost at the next start");
            return;
        }
        Path target = overrideFile.get().toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            // Write beside the target and move, so that a crash never leaves half a file to be read at the next start.
            temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            Files.write(temporary, shiftJisCsv);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("Cannot write the holiday data to " + target, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException e) {
            log.warn("Cannot delete {}", file, e);
        }
    }
}
