package io.amira.client;

import io.amira.log.LogMessage;

import java.util.logging.Logger;

/** The client's log messages (logger {@code io.amira.client}). */
final class ClientLog {

    private static final Logger LOG = Logger.getLogger("io.amira.client");

    static final LogMessage LOGGED_IN = LogMessage.fine(LOG, "AMIRA-CLI-001",
            "AMI session to {0} logged in as {1} ({2})");
    static final LogMessage LOGOFF_UNANSWERED = LogMessage.fine(LOG, "AMIRA-CLI-002",
            "AMI Logoff from {0} not answered cleanly: {1}");
    static final LogMessage READER_DID_NOT_END = LogMessage.warning(LOG, "AMIRA-CLI-003",
            "AMI reader for {0} did not end within {1} ms after close");
    /** FINE: whoever owns the session (the listener's onDisconnect) logs the loss at the level it decides. */
    static final LogMessage SESSION_LOST = LogMessage.fine(LOG, "AMIRA-CLI-004",
            "AMI session to {0} lost: {1}");
    static final LogMessage LISTENER_FAILED_ON_DISCONNECT = LogMessage.warning(LOG, "AMIRA-CLI-005",
            "AMI listener failed in onDisconnect for {0}");
    static final LogMessage LISTENER_FAILED_ON_EVENT = LogMessage.warning(LOG, "AMIRA-CLI-006",
            "AMI event listener failed on event {0} from {1}; the session goes on");
    static final LogMessage NEITHER_RESPONSE_NOR_EVENT = LogMessage.fine(LOG, "AMIRA-CLI-007",
            "AMI packet from {0} is neither a response nor an event; ignored ({1} headers)");
    static final LogMessage UNMATCHED_RESPONSE = LogMessage.fine(LOG, "AMIRA-CLI-008",
            "AMI response from {0} with ActionID {1} matches no pending action (timed out?); ignored");
    static final LogMessage SOCKET_CLOSE_FAILED = LogMessage.fine(LOG, "AMIRA-CLI-009",
            "Closing an AMI socket failed: {0}");
    static final LogMessage FIRST_PACKET_DROPPED = LogMessage.warning(LOG, "AMIRA-CLI-010",
            "dropped from {0}: {1}; it belongs to no pending action. The session goes on. Raise maxAnswerBytes"
            + " (amira.max-answer-bytes) if such packets are expected; later drops on this session are logged at"
            + " FINE (AMIRA-CLI-011)");
    static final LogMessage PACKET_DROPPED = LogMessage.fine(LOG, "AMIRA-CLI-011",
            "dropped from {0}: {1}; it belongs to no pending action ({2} dropped on this session so far)");

    private ClientLog() {
    }
}
