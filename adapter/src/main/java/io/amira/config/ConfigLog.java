package io.amira.config;

import io.amira.log.LogMessage;

import java.util.logging.Logger;

/** The configuration's log messages (logger {@code io.amira.config}). */
final class ConfigLog {

    private static final Logger LOG = Logger.getLogger("io.amira.config");

    static final LogMessage NO_MICROPROFILE_CONFIG = LogMessage.fine(LOG, "AMIRA-CFG-001",
            "no MicroProfile Config here ({0}); using system properties and environment");
    static final LogMessage LOGIN_REFUSED = LogMessage.severe(LOG, "AMIRA-CFG-010",
            "{0}: {1}. Amira tries these credentials again in {2} s, then less and less often (at most every {3} s),"
            + " so that Asterisk's authlimit and a fail2ban on the PBX are not tripped; a reload or redeploy after"
            + " fixing them tries at once");
    static final LogMessage LOGIN_STILL_REFUSED = LogMessage.info(LOG, "AMIRA-CFG-011",
            "{0}: {1} (refusal {4}); next attempt in {2} s");
    static final LogMessage LOGIN_ACCEPTED_AGAIN = LogMessage.info(LOG, "AMIRA-CFG-012",
            "{0}: login to {1} as user '{2}' accepted again after {3} refusals");

    private ConfigLog() {
    }
}
