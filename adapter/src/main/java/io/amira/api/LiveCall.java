package io.amira.api;

import java.time.Instant;
import java.util.List;

/**
 * One call: the channels sharing a {@code Linkedid}, as the live view tracks them.
 *
 * @param linkedId the {@code Linkedid} of its channels
 * @param start    when its first channel was created
 * @param answered when one of its channels first went {@link ChannelState#UP}, or {@code null} when
 *                 none has, or when that happened while the view was not in sync (see {@link #isAnswered()})
 * @param channels in a snapshot, the call's channels now, oldest first; in a {@link LiveCallEnd},
 *                 every channel the view saw in the call, as each was when it hung up
 */
public record LiveCall(String linkedId, Instant start, Instant answered, List<LiveChannel> channels) {

    /** An immutable call; the channel list is copied. */
    public LiveCall {
        channels = List.copyOf(channels);
    }

    /** Whether the call has been answered: an answer time is known, or one of its channels is up. */
    public boolean isAnswered() {
        return answered != null || channels.stream().anyMatch(channel -> channel.state() == ChannelState.UP);
    }
}
