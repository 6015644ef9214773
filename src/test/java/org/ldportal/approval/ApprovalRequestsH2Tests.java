package org.ldportal.approval;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** The request store on H2, the default database. */
@DataJdbcTest
class ApprovalRequestsH2Tests extends ApprovalRequestsContract {

}
