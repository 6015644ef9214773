package org.ldportal.plan;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs plans away from the request that starts them, so that the person who pressed Run
 * is shown the plan's page at once and sees each step end there (the page follows a
 * running plan). The request's id goes along, so each step's audit entry names it. A plan
 * whose instance stops mid-run is taken for interrupted later, and may be resumed
 * ({@link Plan#interrupted}).
 */
@Component
class PlanBackground implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlanBackground.class);

    private final AtomicInteger count = new AtomicInteger();

    /**
     * A thread for each plan running, none kept waiting: a plan queued behind others
     * would look interrupted after a while (no step ending) and be taken over while it
     * waits. Each step waits on LaunchDarkly, not on the processor.
     */
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "plan-run-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Runs it in the background; in this thread when the portal is stopping and takes no
     * more.
     */
    void run(Runnable plan) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        try {
            executor.execute(() -> {
                if (context != null) {
                    MDC.setContextMap(context);
                }
                try {
                    plan.run();
                }
                finally {
                    MDC.clear();
                }
            });
        }
        catch (RejectedExecutionException stopping) {
            plan.run();
        }
    }

    /**
     * Lets the steps being sent end; a plan still running after that is interrupted, and
     * its page offers to resume it.
     */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Plans were still running when the portal stopped: they show as interrupted, to be resumed");
            executor.shutdownNow();
        }
    }

}
