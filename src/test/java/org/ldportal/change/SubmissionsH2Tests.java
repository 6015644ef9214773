package org.ldportal.change;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;

/** The submission store on H2, the default database. */
@DataJdbcTest
class SubmissionsH2Tests extends SubmissionsContract {

}
