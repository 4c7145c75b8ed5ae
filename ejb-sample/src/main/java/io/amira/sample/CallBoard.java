package io.amira.sample;

import io.amira.api.AmiLiveState;
import io.amira.api.LiveCall;
import io.amira.api.LiveCallEnd;
import io.amira.api.LiveChannel;
import io.amira.api.LiveQueue;
import io.amira.api.LiveSnapshot;
import io.amira.api.LiveStateListener;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.eclipse.microprofile.config.ConfigProvider;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Who is on the phone, and how many callers wait: the adapter's live view
 * ({@link AmiLiveState}, an administered object bound in JNDI) asked through an EJB. The board keeps
 * no state of its own: the view follows Asterisk on its own event session and resynchronises after
 * every reconnect. Inject it with {@code @EJB} wherever the application needs the picture; it also
 * logs every call that ends. Bean-managed concurrency and no transaction: the view is thread-safe
 * and has nothing to enlist, so callers never queue behind one another.
 *
 * <p>The view is looked up by name on first use: {@code amira.live-state} (MicroProfile Config or a
 * system property; {@code amira.cli} sets {@code java:/eis/amira-live-admin}), else amira.ear's own,
 * {@code java:/eis/amira-live} on WildFly, {@code java:app/eis/amira-live} on Payara. An application
 * on WildFly alone may simply inject it, {@code @Resource(lookup = "java:/eis/amira-live")}; Payara
 * takes such a field for an environment entry and refuses the deployment, so look it up by name
 * ({@link #lookUp()}).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CallBoard {

    private static final Logger LOG = Logger.getLogger(CallBoard.class.getName());
    private static final List<String> ZERO_CONFIG_NAMES = List.of("java:/eis/amira-live", "java:app/eis/amira-live");

    private AmiLiveState live;
    private AmiLiveState.Registration endedCalls;

    @PostConstruct
    void lookUpAndLogEndedCalls() {
        live = lookUp();
        endedCalls = live.addListener(new LiveStateListener() {
            @Override
            public void onCallEnded(LiveCallEnd end) {
                LOG.info(() -> "AMIRA-SAMPLE-030 Call " + end.call().linkedId() + " from " + callerId(end.call())
                        + " ended after " + end.duration().toSeconds() + " s: " + end.causeText());
            }
        });
    }

    @PreDestroy
    void stopLogging() {
        endedCalls.close();
    }

    /** Everything at this moment; {@link LiveSnapshot#inSync()} says whether it is current. */
    public LiveSnapshot snapshot() {
        return live.snapshot();
    }

    /** Waits at most {@code timeout} until the view is in sync with Asterisk; true when it is. */
    public boolean awaitInSync(Duration timeout) throws InterruptedException {
        return live.awaitInSync(timeout);
    }

    /** The calls in progress, oldest first. */
    public List<LiveCall> activeCalls() {
        return live.snapshot().calls();
    }

    /** How many callers wait in {@code queue} (0 for a queue the view does not know). */
    public int waiting(String queue) {
        return live.snapshot().queue(queue).map(LiveQueue::waiting).orElse(0);
    }

    /**
     * The live view by name, on either server: {@code amira.live-state} if set, else WildFly's, else
     * Payara's zero-config name. Payara hands out a new object per lookup; they share one view.
     *
     * @throws IllegalStateException when none of those names is bound
     */
    public static AmiLiveState lookUp() {
        List<String> names = ConfigProvider.getConfig().getOptionalValue("amira.live-state", String.class)
                .filter(name -> !name.isBlank()).map(List::of).orElse(ZERO_CONFIG_NAMES);
        NamingException last = null;
        for (String name : names) {
            try {
                return (AmiLiveState) new InitialContext().lookup(name);
            } catch (NamingException e) {
                // The other server's name: try the next. (Payara wraps its NameNotFoundException in a
                // plain NamingException, "Lookup failed for 'java:/eis/amira-live'".)
                last = e;
            }
        }
        throw new IllegalStateException("No Amira live view bound at " + String.join(" or ", names)
                + " (set amira.live-state to its JNDI name)", last);
    }

    private static String callerId(LiveCall call) {
        for (LiveChannel channel : call.channels()) {
            String number = channel.callerIdNum();
            if (number != null && !number.isBlank() && !"<unknown>".equals(number)) {
                return number;
            }
        }
        return "unknown";
    }
}
