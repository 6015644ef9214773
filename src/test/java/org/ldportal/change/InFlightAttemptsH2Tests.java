package org.ldportal.change;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** Attempts in flight on H2, the default database. */
@DataJdbcTest
class InFlightAttemptsH2Tests extends InFlightAttemptsContract {

}
