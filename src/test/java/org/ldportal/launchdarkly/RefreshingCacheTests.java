package org.ldportal.launchdarkly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefreshingCacheTests {

    private static final Duration FRESH = Duration.ofSeconds(60);

    private static final Duration RETRY = Duration.ofSeconds(5);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    /** Background reloads, run when the test says so. */
    private final List<Runnable> background = new ArrayList<>();

    private <V> RefreshingCache<String, V> cache(Function<String, V> loader) {
        return new RefreshingCache<>(FRESH, RETRY, loader, now::get, background::add);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    private void runBackground() {
        List<Runnable> tasks = new ArrayList<>(background);
        background.clear();
        tasks.forEach(Runnable::run);
    }

    @Test
    void getWhenManyMissAtOnceThenOneLoad() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loading = new CountDownLatch(1);
        RefreshingCache<String, String> cache = new RefreshingCache<>(FRESH, RETRY, key -> {
            loads.incrementAndGet();
            loading.countDown();
            sleep(300); // long enough for every other thread to arrive while this load
                        // runs
            return "projects";
        });
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(threads.submit(() -> cache.get("all")));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("projects");
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void getWhenOlderThanRefreshAfterThenOldValueAtOnceAndOneReloadInTheBackground() {
        AtomicInteger loads = new AtomicInteger();
        RefreshingCache<String, Integer> cache = cache(key -> loads.incrementAndGet());
        assertThat(cache.get("all")).isEqualTo(1);

        advance(FRESH.plusSeconds(1));

        assertThat(cache.get("all")).as("answered without waiting").isEqualTo(1);
        assertThat(cache.get("all")).isEqualTo(1);
        assertThat(loads).as("nothing loaded in the caller's thread").hasValue(1);
        runBackground();
        assertThat(loads).as("one reload for both reads").hasValue(2);
        assertThat(cache.get("all")).isEqualTo(2);
    }

    @Test
    void getWhenLoadFailsThenFailureRememberedThenTriedAgain() {
        AtomicInteger loads = new AtomicInteger();
        RefreshingCache<String, String> cache = cache(key -> {
            loads.incrementAndGet();
            throw new IllegalStateException("down");
        });

        assertThatThrownBy(() -> cache.get("all")).hasMessage("down");
        assertThatThrownBy(() -> cache.get("all")).hasMessage("down");
        assertThat(loads).as("the second read answered from memory").hasValue(1);
        assertThat(cache.lastFailure("all")).isPresent();

        advance(RETRY.plusSeconds(1));
        assertThatThrownBy(() -> cache.get("all")).hasMessage("down");
        assertThat(loads).hasValue(2);
    }

    @Test
    void getWhenReloadFailsThenGoodValueKeptAndReloadTriedAgainSoon() {
        AtomicReference<String> source = new AtomicReference<>("v1");
        AtomicInteger loads = new AtomicInteger();
        RefreshingCache<String, String> cache = cache(key -> {
            loads.incrementAndGet();
            String value = source.get();
            if (value == null) {
                throw new IllegalStateException("outage");
            }
            return value;
        });
        cache.get("all");
        source.set(null);
        advance(FRESH.plusSeconds(1));

        cache.get("all");
        runBackground();

        assertThat(cache.get("all")).as("a failure never replaces a good value").isEqualTo("v1");
        assertThat(cache.lastFailure("all")).get().extracting(Throwable::getMessage).isEqualTo("outage");
        assertThat(background).as("not retried before the retry time").isEmpty();

        source.set("v2");
        advance(RETRY.plusSeconds(1));
        cache.get("all");
        runBackground();
        assertThat(cache.get("all")).isEqualTo("v2");
        assertThat(cache.lastFailure("all")).isEmpty();
        assertThat(loads).hasValue(3);
    }

    @Test
    void reloadNowWhenFailsThenThrowsAndKeepsTheGoodValue() {
        AtomicReference<String> source = new AtomicReference<>("v1");
        RefreshingCache<String, String> cache = cache(key -> {
            if (source.get() == null) {
                throw new IllegalStateException("outage");
            }
            return source.get();
        });
        cache.get("all");
        source.set(null);

        assertThatThrownBy(() -> cache.reloadNow("all")).hasMessage("outage");
        assertThat(cache.get("all")).isEqualTo("v1");
        source.set("v2");
        assertThat(cache.reloadNow("all")).isEqualTo("v2");
    }

    @Test
    void invalidateThenNextReadLoads() {
        AtomicInteger loads = new AtomicInteger();
        RefreshingCache<String, Integer> cache = cache(key -> loads.incrementAndGet());
        cache.get("mobile-app");

        cache.invalidate("mobile-app");

        assertThat(cache.get("mobile-app")).isEqualTo(2);
    }

    @Test
    void getWhenRefreshAfterIsZeroThenNotCached() {
        AtomicInteger loads = new AtomicInteger();
        RefreshingCache<String, Integer> cache = new RefreshingCache<>(Duration.ZERO, RETRY,
                key -> loads.incrementAndGet());

        cache.get("all");
        cache.get("all");

        assertThat(loads).hasValue(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
