package org.ldportal.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One session in the portal's session store (the database) for MockMvc requests: it
 * carries the session's cookie, as a browser does, so what one request keeps the next
 * finds. (A MockHttpSession would go unseen: the session store's filter reads the
 * cookie.)
 */
public final class StoredSession implements RequestPostProcessor {

    /** The cookie the session store names its sessions by (Spring Session's default). */
    public static final String COOKIE = "SESSION";

    private final SessionRepository<? extends Session> repository;

    private final String id;

    private StoredSession(SessionRepository<? extends Session> repository, String id) {
        this.repository = repository;
        this.id = id;
    }

    @SuppressWarnings("unchecked")
    public static StoredSession open(SessionRepository<? extends Session> repository) {
        SessionRepository<Session> sessions = (SessionRepository<Session>) repository;
        Session session = sessions.createSession();
        sessions.save(session);
        return new StoredSession(repository, session.getId());
    }

    /** The session's id, as the store keys its row. */
    public String id() {
        return id;
    }

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        request.setCookies(new Cookie(COOKIE, Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8))));
        return request;
    }

    /**
     * Ends the session as the store does when it expires: its cookie then names a session
     * that is no more.
     */
    public void expire() {
        repository.deleteById(id);
    }

    /** The names of what the session holds now, as stored. */
    public Enumeration<String> getAttributeNames() {
        Session session = repository.findById(id);
        return Collections.enumeration(session == null ? java.util.Set.of() : session.getAttributeNames());
    }

    public Object getAttribute(String name) {
        Session session = repository.findById(id);
        return session == null ? null : session.getAttribute(name);
    }

}
