package io.amira.simulator;

/** Q.850 cause texts as Asterisk prints them in Cause-txt. */
final class HangupCause {
    static final int NORMAL = 16;
    static final int BUSY = 17;
    static final int NO_ANSWER = 19;
    static final int ANSWERED_ELSEWHERE = 26;
    static final int CONGESTION = 34;

    private HangupCause() {
    }

    static String text(int cause) {
        switch (cause) {
            case 0: return "Unknown";
            case 1: return "Unallocated (unassigned) number";
            case 16: return "Normal Clearing";
            case 17: return "User busy";
            case 18: return "No user responding";
            case 19: return "User alerting, no answer";
            case 21: return "Call Rejected";
            case 26: return "Answered elsewhere";
            case 27: return "Destination out of order";
            case 34: return "Circuit/channel congestion";
            case 38: return "Network out of order";
            default: return "Unknown";
        }
    }
}
