package io.amira.simulator;

/** Counts packet ends (an empty line, {@code \r\n\r\n}) across reads, building nothing: the meters' parser. */
public final class PacketEnds {

    /** 0: in a line; 1: just after a line end, where another line end ends the packet. */
    private int state;

    /** The packet ends in {@code buffer[0..length)}. */
    public int count(byte[] buffer, int length) {
        int found = 0;
        int s = state;
        for (int i = 0; i < length; i++) {
            byte b = buffer[i];
            if (b == '\n') {
                if (s == 1) {
                    found++;
                    s = 0;
                } else {
                    s = 1;
                }
            } else if (b != '\r') {
                s = 0;
            }
        }
        state = s;
        return found;
    }
}
