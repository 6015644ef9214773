package org.ldportal.audit;

import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The locks on H2; each statement commits, as the scheduler's calls do. */
@DataJdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ClusterLocksH2Tests extends ClusterLocksContract {

}
