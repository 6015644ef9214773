package org.ldportal.launchdarkly;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.jspecify.annotations.Nullable;

/**
 * A cache of lists read from LaunchDarkly or a third party, on Caffeine, with
 * refresh-ahead:
 * <ul>
 * <li>Concurrent misses of one key cause one load; the others wait for it (Caffeine's
 * atomic compute).</li>
 * <li>A value older than {@code refreshAfter} is still answered at once while one reload
 * runs in the background, so after warm-up no page waits for the source.</li>
 * <li>A failed load is remembered for {@code retryFailuresAfter}: every request in that
 * time gets the same failure instead of asking the source again.</li>
 * <li>A failed reload never replaces a good value: the old value is kept and tried again
 * after {@code retryFailuresAfter}.</li>
 * </ul>
 * Failures are the loader's unchecked exceptions, rethrown as they were. A
 * {@code refreshAfter} of zero turns the cache off: every read loads (tests that change
 * the source between requests use it).
 */
public final class RefreshingCache<K, V> {

    /**
     * A good value is kept this long without being read; past it the next read waits for
     * a load.
     */
    static final Duration KEEP_UNREAD = Duration.ofDays(1);

    private sealed interface Entry<V> {

    }

    /** A good value, when to reload it, and why the last reload failed (or null). */
    private record Good<V>(V value, long refreshAtNanos, @Nullable RuntimeException lastFailure) implements Entry<V> {
    }

    private record Bad<V>(RuntimeException failure) implements Entry<V> {
    }

    private final Function<K, V> loader;

    private final Ticker ticker;

    private final long refreshAfterNanos;

    private final long retryFailuresAfterNanos;

    private final LoadingCache<K, Entry<V>> cache;

    public RefreshingCache(Duration refreshAfter, Duration retryFailuresAfter, Function<K, V> loader) {
        this(refreshAfter, retryFailuresAfter, loader, Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    /** With the clock and the executor of the background reloads given, for tests. */
    RefreshingCache(Duration refreshAfter, Duration retryFailuresAfter, Function<K, V> loader, Ticker ticker,
            Executor executor) {
        this.loader = loader;
        this.ticker = ticker;
        this.refreshAfterNanos = refreshAfter.toNanos();
        this.retryFailuresAfterNanos = retryFailuresAfter.toNanos();
        this.cache = Caffeine.newBuilder()
            .ticker(ticker)
            .executor(executor)
            .recordStats()
            .expireAfter(new KeepGoodRetryBad())
            .build(new CacheLoader<K, Entry<V>>() {
                @Override
                public Entry<V> load(K key) {
                    return loadEntry(key, null);
                }

                @Override
                public Entry<V> reload(K key, Entry<V> old) {
                    return loadEntry(key, old);
                }
            });
    }

    /**
     * The value, loading it on a miss (once, however many ask at the same time); throws
     * the remembered failure.
     */
    public V get(K key) {
        if (refreshAfterNanos == 0) {
            return loader.apply(key);
        }
        Entry<V> entry = cache.get(key);
        if (entry instanceof Good<V> good) {
            if (ticker.read() - good.refreshAtNanos() >= 0) {
                cache.refresh(key); // in the background; a refresh already running is not
                                    // started again
            }
            return good.value();
        }
        throw ((Bad<V>) entry).failure();
    }

    /**
     * Loads the value now and waits for it (an admin's "refresh", a check that must see
     * the latest).
     */
    public V reloadNow(K key) {
        Entry<V> next = loadEntry(key, cache.getIfPresent(key));
        cache.put(key, next);
        if (next instanceof Good<V> good) {
            if (good.lastFailure() != null) {
                throw good.lastFailure();
            }
            return good.value();
        }
        throw ((Bad<V>) next).failure();
    }

    /**
     * Forgets the key: the next read loads it again (after a change made through the
     * portal).
     */
    public void invalidate(K key) {
        cache.invalidate(key);
    }

    /** Forgets every key (a change that does not say which of them it touched). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /**
     * Why the last load of the key failed, while that failure is remembered; empty after
     * a good load.
     */
    public Optional<RuntimeException> lastFailure(K key) {
        Entry<V> entry = cache.getIfPresent(key);
        if (entry instanceof Bad<V> bad) {
            return Optional.of(bad.failure());
        }
        return entry instanceof Good<V> good ? Optional.ofNullable(good.lastFailure()) : Optional.empty();
    }

    public CacheStats stats() {
        return cache.stats();
    }

    private Entry<V> loadEntry(K key, @Nullable Entry<V> old) {
        try {
            return new Good<>(loader.apply(key), ticker.read() + refreshAfterNanos, null);
        }
        catch (RuntimeException e) {
            if (old instanceof Good<V> good) {
                return new Good<>(good.value(), ticker.read() + retryFailuresAfterNanos, e);
            }
            return new Bad<>(e);
        }
    }

    /**
     * Good values live until unread for a day; a failure only as long as it is
     * remembered.
     */
    private final class KeepGoodRetryBad implements Expiry<K, Entry<V>> {

        @Override
        public long expireAfterCreate(K key, Entry<V> entry, long currentTime) {
            return entry instanceof Bad ? retryFailuresAfterNanos : KEEP_UNREAD.toNanos();
        }

        @Override
        public long expireAfterUpdate(K key, Entry<V> entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(K key, Entry<V> entry, long currentTime, long currentDuration) {
            return entry instanceof Bad ? currentDuration : KEEP_UNREAD.toNanos();
        }

    }

    /** How the cache has done since start-up, for the status page. */
    public Figures figures() {
        CacheStats stats = cache.stats();
        return new Figures(cache.estimatedSize(), stats.hitCount(), stats.missCount(), stats.loadSuccessCount(),
                stats.loadFailureCount());
    }

    /**
     * @param entries kept now
     * @param hits answers from the cache
     * @param misses answers that had to wait for a load
     * @param loads loads that succeeded (first loads and background refreshes)
     * @param failures loads that failed
     */
    public record Figures(long entries, long hits, long misses, long loads, long failures) {

        /**
         * For the status page: "2 kept, 90 % answered from the cache (9 of 10), 2 loads,
         * 0 failed".
         */
        public String inWords() {
            return entries + " kept, " + hitPercent() + " % answered from the cache (" + hits + " of " + (hits + misses)
                    + "), " + loads + " loads, " + failures + " failed";
        }

        /** Hits among all answers, in per cent; 0 before any answer. */
        public long hitPercent() {
            long answers = hits + misses;
            return answers == 0 ? 0 : Math.round(100.0 * hits / answers);
        }
    }

}
