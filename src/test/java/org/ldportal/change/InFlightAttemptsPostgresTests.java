package org.ldportal.change;

import org.ldportal.testsupport.EmbeddedPostgresDatabase;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Attempts in flight on a real PostgreSQL server, where a duplicate aborts the
 * transaction it happens in.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class InFlightAttemptsPostgresTests extends InFlightAttemptsContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }

}
