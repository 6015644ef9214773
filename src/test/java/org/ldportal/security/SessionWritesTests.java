package org.ldportal.security;

import org.junit.jupiter.api.Test;
import org.ldportal.testsupport.PortalIntegrationTest;
import org.ldportal.testsupport.StoredSession;
import org.ldportal.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions in the database: pages that only read the session leave its row as it was,
 * while what a page keeps in it (the form's CSRF token) is in the database for the next
 * request, on any instance.
 */
class SessionWritesTests extends PortalIntegrationTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private SessionRepository<? extends Session> sessions;

    @Test
    void pagesWhenTheyOnlyReadTheSessionThenItsLastAccessIsNotWrittenAgainButWhatTheyKeepIs() throws Exception {
        StoredSession session = StoredSession.open(sessions);
        long lastAccess = lastAccessOf(session);

        mvc.perform(get("/environments/new").with(TestUsers.editor()).with(session)).andExpect(status().isOk());
        int attributes = attributeCount(session);
        for (int page = 0; page < 3; page++) {
            mvc.perform(get("/environments/new").with(TestUsers.editor()).with(session)).andExpect(status().isOk());
        }

        assertThat(lastAccessOf(session)).as("the last access, within a minute of the session's start")
            .isEqualTo(lastAccess);
        assertThat(attributes).as("the form's CSRF token, kept by the first page").isPositive();
        assertThat(attributeCount(session)).isEqualTo(attributes);
        assertThat(session.getAttributeNames().hasMoreElements()).isTrue();
    }

    private long lastAccessOf(StoredSession session) {
        return jdbc.sql("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?")
            .param(session.id())
            .query(Long.class)
            .single();
    }

    private int attributeCount(StoredSession session) {
        return jdbc
            .sql("SELECT COUNT(*) FROM SPRING_SESSION_ATTRIBUTES a JOIN SPRING_SESSION s ON a.SESSION_PRIMARY_ID = "
                    + "s.PRIMARY_ID WHERE s.SESSION_ID = ?")
            .param(session.id())
            .query(Integer.class)
            .single();
    }

}
