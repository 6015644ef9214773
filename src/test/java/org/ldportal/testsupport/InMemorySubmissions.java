package org.ldportal.testsupport;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.ldportal.change.ChangeResult;
import org.ldportal.change.Submissions;
import org.ldportal.security.CurrentUser;

/**
 * Submission tokens in memory, for web slice tests (which have no database); the portal's
 * own store, in the database, is tested by JdbcSubmissionsTests and the full-context
 * tests.
 */
public class InMemorySubmissions implements Submissions {

    private final Map<String, Object> settled = new ConcurrentHashMap<>();

    @Override
    public <T> Claim<T> claim(String token, CurrentUser actor, Class<T> resultType) {
        if (token == null || token.isBlank()) {
            return new Claim.Missing<>();
        }
        Object previous = settled.putIfAbsent(token, "IN_PROGRESS");
        if (previous == null) {
            return new Claim.Claimed<>();
        }
        return claimOf(previous, resultType);
    }

    private static <T> Claim<T> claimOf(Object previous, Class<T> resultType) {
        if (previous instanceof SettledLater later) {
            return new Claim.Settled<>(later.created(), later.link(), later.attemptId());
        }
        return resultType.isInstance(previous) ? new Claim.Succeeded<>(resultType.cast(previous))
                : "MAY_EXIST".equals(previous) ? new Claim.MayExist<>() : new Claim.InProgress<>();
    }

    @Override
    public <T> Optional<Claim<T>> earlier(String token, CurrentUser actor, Class<T> resultType) {
        Object previous = token == null ? null : settled.get(token);
        return previous == null ? Optional.empty() : Optional.of(claimOf(previous, resultType));
    }

    @Override
    public void settle(String token, ChangeResult<?> result, Object resultPage) {
        if (result instanceof ChangeResult.Succeeded<?>) {
            settled.put(token, resultPage);
        }
        else if (result instanceof ChangeResult.MayExist<?> mayExist && mayExist.found() != null) {
            settled.put(token, new SettledLater(true, mayExist.found().link(),
                    mayExist.attemptId() == null ? 0 : mayExist.attemptId()));
        }
        else if (result instanceof ChangeResult.MayExist<?>) {
            settled.putIfAbsent(token, "MAY_EXIST");
            settled.replace(token, "IN_PROGRESS", "MAY_EXIST");
        }
        else {
            settled.remove(token);
        }
    }

    @Override
    public void settledLater(String token, boolean created, String link, long attemptId) {
        settled.put(token, new SettledLater(created, link, attemptId));
    }

    private record SettledLater(boolean created, String link, long attemptId) {
    }

}
