package org.ldportal.audit;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

@DataJdbcTest
class AuditQueriesH2Tests extends AuditQueriesContract {

}
