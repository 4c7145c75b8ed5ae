package io.amira.sample;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.resource.ResourceException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When {@code amira.sample.originate} names a channel (e.g. {@code Local/100@demo}), originates a
 * call to it every {@code amira.sample.interval} seconds (default 10) through the connection
 * factory and logs the outcome when Asterisk reports it (the timer never waits for a call);
 * otherwise does nothing.
 */
@Singleton
@Startup
public class SampleOriginator {

    private static final Logger LOG = Logger.getLogger(SampleOriginator.class.getName());
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);

    @Resource
    private TimerService timerService;

    @EJB
    private CallControlBean callControl;

    private String channel;

    @PostConstruct
    void schedule() {
        Config config = ConfigProvider.getConfig();
        channel = config.getOptionalValue("amira.sample.originate", String.class).filter(c -> !c.isBlank()).orElse(null);
        if (channel == null) {
            LOG.info("AMIRA-SAMPLE-010 amira.sample.originate not set: the sample places no calls");
            return;
        }
        long seconds = config.getOptionalValue("amira.sample.interval", Long.class).orElse(10L);
        if (seconds <= 0) {
            LOG.warning(() -> "AMIRA-SAMPLE-012 amira.sample.interval must be positive, not " + seconds + "; using 10");
        }
        long millis = Duration.ofSeconds(seconds > 0 ? seconds : 10).toMillis();
        timerService.createIntervalTimer(millis, millis, new TimerConfig("amira-sample-originate", false));
        LOG.info(() -> "AMIRA-SAMPLE-011 originating a call to " + channel + " every " + millis / 1000 + " s");
    }

    @Timeout
    void originate() {
        try {
            callControl.originateAndLog(channel, ANSWER_TIMEOUT);
        } catch (ResourceException e) {
            LOG.log(Level.WARNING, "AMIRA-SAMPLE-013 originate {0} failed: {1}", new Object[] {channel, why(e)});
        }
    }

    /** The pool's message plus the adapter's reason beneath it (e.g. the server refusing connections). */
    private static String why(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof io.amira.api.AmiException) {
                return failure.getMessage() + " (" + cause.getMessage() + ")";
            }
        }
        return failure.getMessage();
    }
}
