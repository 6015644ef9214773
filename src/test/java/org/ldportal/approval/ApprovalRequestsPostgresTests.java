package org.ldportal.approval;

import org.ldportal.testsupport.EmbeddedPostgresDatabase;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The request store on a real PostgreSQL server. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class ApprovalRequestsPostgresTests extends ApprovalRequestsContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresDatabase.register(registry);
    }

}
