package org.ldportal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session is written when the database would keep something new of it: created, an
 * attribute set or removed, its id changed, or its last access moved by the interval;
 * never for a page that only read it.
 */
class LastAccessThrottleTests {

    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private final CountingSessions store = new CountingSessions();

    private final LastAccessThrottle sessions = new LastAccessThrottle(store, INTERVAL);

    @Test
    void saveWhenTheSessionWasOnlyReadWithinTheIntervalThenNothingIsWritten() {
        MapSession stored = store.stored(Instant.parse("2026-12-03T10:00:00Z"));

        LastAccessThrottle.Tracked session = sessions.findById(stored.getId());
        session.setLastAccessedTime(Instant.parse("2026-12-03T10:00:59Z"));
        session.getAttribute("anything");
        sessions.save(session);

        assertThat(store.saves).isEmpty();
        assertThat(session.getLastAccessedTime()).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
    }

    @Test
    void saveWhenTheLastAccessMovedByTheIntervalThenWrittenWithIt() {
        MapSession stored = store.stored(Instant.parse("2026-12-03T10:00:00Z"));

        LastAccessThrottle.Tracked session = sessions.findById(stored.getId());
        session.setLastAccessedTime(Instant.parse("2026-12-03T10:01:00Z"));
        sessions.save(session);
        sessions.save(session);

        assertThat(store.saves).as("once: the second save has nothing new").hasSize(1);
        assertThat(store.saves.get(0).getLastAccessedTime()).isEqualTo(Instant.parse("2026-12-03T10:01:00Z"));
    }

    @Test
    void saveWhenTheIdleTimeoutIsShortThenTheLastAccessIsWrittenOnceItMovedByAQuarterOfIt() {
        MapSession stored = store.stored(Instant.parse("2026-12-03T10:00:00Z"));
        stored.setMaxInactiveInterval(Duration.ofSeconds(20));

        LastAccessThrottle.Tracked early = sessions.findById(stored.getId());
        early.setLastAccessedTime(Instant.parse("2026-12-03T10:00:04Z"));
        sessions.save(early);
        LastAccessThrottle.Tracked later = sessions.findById(stored.getId());
        later.setLastAccessedTime(Instant.parse("2026-12-03T10:00:05Z"));
        sessions.save(later);

        assertThat(store.saves).as("not at 4 s, at 5 s (a quarter of 20 s), though the interval is a minute")
            .singleElement()
            .satisfies(
                    saved -> assertThat(saved.getLastAccessedTime()).isEqualTo(Instant.parse("2026-12-03T10:00:05Z")));
    }

    @Test
    void saveWhenAnAttributeIsSetOrRemovedOrTheIdChangedThenWrittenAtOnce() {
        MapSession stored = store.stored(Instant.parse("2026-12-03T10:00:00Z"));

        LastAccessThrottle.Tracked set = sessions.findById(stored.getId());
        set.setAttribute("csrf", "token");
        sessions.save(set);
        LastAccessThrottle.Tracked removed = sessions.findById(stored.getId());
        removed.removeAttribute("csrf");
        sessions.save(removed);
        LastAccessThrottle.Tracked renamed = sessions.findById(stored.getId());
        renamed.changeSessionId();
        sessions.save(renamed);

        assertThat(store.saves).hasSize(3);
    }

    @Test
    void saveWhenTheSessionIsNewThenWritten() {
        LastAccessThrottle.Tracked session = sessions.createSession();
        sessions.save(session);

        assertThat(store.saves).singleElement()
            .satisfies(saved -> assertThat(saved.getId()).isEqualTo(session.getId()));
    }

    @Test
    void findByPrincipalWhenAskedThenTheStoresSessionsAndDeleteGoesThrough() {
        MapSession stored = store.stored(Instant.parse("2026-12-03T10:00:00Z"));
        stored.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "ada");

        assertThat(sessions.findByPrincipalName("ada")).containsOnlyKeys(stored.getId());
        sessions.deleteById(stored.getId());
        assertThat(sessions.findById(stored.getId())).isNull();
    }

    /** A store that counts what is written to it. */
    private static final class CountingSessions implements FindByIndexNameSessionRepository<MapSession> {

        private final Map<String, MapSession> sessions = new HashMap<>();

        private final List<MapSession> saves = new ArrayList<>();

        MapSession stored(Instant lastAccess) {
            MapSession session = new MapSession();
            session.setLastAccessedTime(lastAccess);
            session.setMaxInactiveInterval(Duration.ofHours(8));
            sessions.put(session.getId(), session);
            return session;
        }

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            saves.add(new MapSession(session));
            sessions.put(session.getId(), session);
        }

        @Override
        public MapSession findById(String id) {
            MapSession session = sessions.get(id);
            return session == null ? null : new MapSession(session);
        }

        @Override
        public void deleteById(String id) {
            sessions.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, MapSession> found = new HashMap<>();
            sessions.values()
                .stream()
                .filter(session -> indexValue.equals(session.getAttribute(indexName)))
                .forEach(session -> found.put(session.getId(), session));
            return found;
        }

    }

}
