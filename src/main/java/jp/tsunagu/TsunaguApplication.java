package jp.tsunagu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tsunagu: routes a city-hall issue from the owning section to department-wide and city-wide sharing.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TsunaguApplication {

    public static void main(String[] args) {
        SpringApplication.run(TsunaguApplication.class, args);
    }
}
