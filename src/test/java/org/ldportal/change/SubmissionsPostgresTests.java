package org.ldportal.change;

import org.ldportal.testsupport.EmbeddedPostgresDatabase;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The submission store on a real PostgreSQL server: the primary key decides between
 * concurrent submits there too.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class SubmissionsPostgresTests extends SubmissionsContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }

}
