package io.amira.sample;

import io.amira.api.LiveQueue;
import io.amira.api.LiveSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How to drive calls on a schedule: when {@code amira.sample.originate} names a channel (for
 * example {@code Local/100@demo}), this timer originates a call to it every
 * {@code amira.sample.interval} seconds (default 10) and runs {@code Wait(2)} on the answered
 * channel; {@link CallControlBean} logs each outcome, this timer the {@link CallBoard} after it (whose
 * first use starts the adapter's live view, which then logs every call that ends). Unset, it does nothing. Both keys are MicroProfile Config properties:
 * system properties or environment variables ({@code AMIRA_SAMPLE_ORIGINATE}).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoCallTimer {

    private static final Logger LOG = Logger.getLogger(DemoCallTimer.class.getName());
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    @Resource
    private TimerService timerService;

    @EJB
    private CallControlBean callControl;

    @EJB
    private CallBoard callBoard;

    private String channel;

    @PostConstruct
    void schedule() {
        Config config = ConfigProvider.getConfig();
        Optional<String> target = config.getOptionalValue("amira.sample.originate", String.class).filter(s -> !s.isBlank());
        if (target.isEmpty()) {
            LOG.info("AMIRA-SAMPLE-010 amira.sample.originate is not set: no calls will be originated");
            return;
        }
        channel = target.get().trim();
        long seconds = config.getOptionalValue("amira.sample.interval", Long.class).filter(s -> s > 0).orElse(10L);
        timerService.createIntervalTimer(Duration.ofSeconds(2).toMillis(), Duration.ofSeconds(seconds).toMillis(),
                new TimerConfig("amira-sample-originate", false));
        LOG.info(() -> "AMIRA-SAMPLE-011 originating a call to " + channel + " every " + seconds + " s");
    }

    @Timeout
    void originate() {
        try {
            callControl.originateToApplication(channel, "Wait", "2", ANSWER_TIMEOUT);
            LiveSnapshot board = callBoard.snapshot();
            LOG.info(() -> "AMIRA-SAMPLE-013 " + board.calls().size() + " calls in progress, "
                    + board.queue("support").map(LiveQueue::waiting).orElse(0) + " callers waiting in queue support"
                    + (board.inSync() ? "" : " (the live view is not in sync: last known state)"));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "AMIRA-SAMPLE-012 call to " + channel + " failed: " + e.getMessage());
        }
    }
}
