package org.ldportal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Sessions in the database without a write on every page: a session's last access is
 * moved only when it moved by more than {@code interval}, and a session nothing changed
 * in is not saved at all. Without it every signed-in request updates its session's row
 * (the page benchmark's profile: about a tenth of a page's CPU). A session may so expire
 * up to {@code interval} before its timeout (at most a quarter of it); with a timeout of
 * hours, that is nothing a person notices. Everything else (a new session, a changed id
 * at sign-in, an attribute set or removed, deletion) goes to the database at once, so the
 * session still moves between instances and is gone everywhere at sign-out.
 */
final class LastAccessThrottle implements FindByIndexNameSessionRepository<LastAccessThrottle.Tracked> {

    private final FindByIndexNameSessionRepository<Session> sessions;

    private final Duration interval;

    @SuppressWarnings("unchecked")
    LastAccessThrottle(FindByIndexNameSessionRepository<? extends Session> sessions, Duration interval) {
        // The repository's own session type is not public; it gets back what it gave.
        this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
        this.interval = interval;
    }

    @Override
    public Tracked createSession() {
        return new Tracked(sessions.createSession(), true);
    }

    @Override
    public void save(Tracked session) {
        if (session.dirty) {
            sessions.save(session.delegate);
            session.dirty = false;
        }
    }

    @Override
    public @Nullable Tracked findById(String id) {
        Session found = sessions.findById(id);
        return found == null ? null : new Tracked(found, false);
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteById(id);
    }

    @Override
    public Map<String, Tracked> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Tracked> found = new LinkedHashMap<>();
        sessions.findByIndexNameAndIndexValue(indexName, indexValue)
            .forEach((id, session) -> found.put(id, new Tracked(session, false)));
        return found;
    }

    /** A session that knows whether anything the database keeps of it changed. */
    final class Tracked implements Session {

        private final Session delegate;

        private boolean dirty;

        Tracked(Session delegate, boolean dirty) {
            this.delegate = delegate;
            this.dirty = dirty;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            // Never more than a quarter of the idle timeout: a session set to end after
            // a few minutes idle must not end while it is being used.
            Duration quarter = delegate.getMaxInactiveInterval().dividedBy(4);
            Duration threshold = quarter.compareTo(interval) < 0 ? quarter : interval;
            if (Duration.between(delegate.getLastAccessedTime(), lastAccessedTime).compareTo(threshold) >= 0) {
                delegate.setLastAccessedTime(lastAccessedTime);
                dirty = true;
            }
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            dirty = true;
            return delegate.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return delegate.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            dirty = true;
            delegate.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            dirty = true;
            delegate.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            dirty = true;
            delegate.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }

    }

}
