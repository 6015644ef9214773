package org.ldportal.audit;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** The audit store on H2, the default database, with the portal's Flyway migrations. */
@DataJdbcTest
class AuditRepositoryH2Tests extends AuditTrailContract {

}
