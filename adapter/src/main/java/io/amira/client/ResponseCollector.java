package io.amira.client;

import io.amira.api.AmiActionFailedException;
import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.api.AmiResponse;
import io.amira.protocol.AmiMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * An action answered by its {@code Response}, or, for list actions ({@code EventList: start}), by
 * the response plus every item event up to the {@code ...Complete} event. Subclasses decide how the
 * outcome reaches the caller (a future, or a parked caller thread).
 */
abstract class ResponseCollector extends PendingAction {

    /** Set (on the reading thread) while a list is being collected. */
    private AmiMessage listResponse;
    private List<AmiEvent> items;
    /** Set (on the reading thread) once the answer broke the limit: what still comes of it is swallowed. */
    private boolean skipping;

    ResponseCollector(String actionId, String actionName, String server, long timeoutNanos) {
        super(actionId, actionName, server, timeoutNanos);
    }

    /** The answer, on the reading thread. */
    abstract void succeed(AmiResponse response);

    /** An unsuccessful answer, on the reading thread. */
    abstract void refuse(AmiException failure);

    @Override
    final void onResponse(AmiMessage message) {
        if (skipping) {
            return;
        }
        AmiResponse response = Outcomes.response(message, null, null);
        if (listResponse == null && response.isSuccess() && startsList(message)) {
            listResponse = message;
            items = new ArrayList<>();
            return;
        }
        AmiException failure = Outcomes.failure(response, this);
        if (failure == null) {
            succeed(response);
        } else {
            refuse(failure);
        }
    }

    /**
     * {@code EventList: start} in any case; Asterisk before 1.8 sent no EventList header but said
     * "... will follow" in the Message of list responses.
     */
    private static boolean startsList(AmiMessage message) {
        String eventList = message.get("EventList");
        if (eventList != null) {
            return eventList.equalsIgnoreCase("start");
        }
        String text = message.get("Message");
        return text != null && text.regionMatches(true, Math.max(0, text.length() - 11), "will follow", 0, 11);
    }

    @Override
    final boolean onEvent(AmiMessage event) {
        String eventList = event.get("EventList");
        boolean cancelled = eventList != null && eventList.equalsIgnoreCase("cancelled");
        if (skipping) {
            skipping = !(cancelled || completes(eventList, event));
            return true;
        }
        if (listResponse == null) {
            return false;
        }
        if (completes(eventList, event)) {
            succeed(Outcomes.response(listResponse, items, event));
        } else if (cancelled) {
            AmiResponse partial = Outcomes.response(listResponse, items, event);
            refuse(new AmiActionFailedException(describe()
                    + " failed: Asterisk cancelled the list after " + items.size() + " items (EventList: cancelled)",
                    partial));
        } else {
            items.add(event);
        }
        return true;
    }

    /** {@code EventList: Complete} in any case; without EventList, an event named {@code ...Complete}. */
    private static boolean completes(String eventList, AmiMessage event) {
        if (eventList != null) {
            return eventList.equalsIgnoreCase("Complete");
        }
        String name = event.responseOrEventName();
        return name != null && name.regionMatches(true, Math.max(0, name.length() - 8), "Complete", 0, 8);
    }

    /**
     * Fails the caller; the list's remaining items, or whatever follows a dropped response, are
     * swallowed until the list ends or the deadline passes.
     */
    @Override
    final void answerTooLarge(AmiException cause) {
        skipping = true;
        listResponse = null;
        items = null;
        fail(cause);
    }

    @Override
    final boolean skipsRestOfAnswer() {
        return skipping;
    }

    @Override
    final String missing() {
        return listResponse == null ? "no response"
                : "no end of its list (" + items.size() + " items so far)";
    }
}
