package io.amira.client;

import io.amira.api.AmiActionFailedException;
import io.amira.api.AmiPermissionDeniedException;
import io.amira.api.AmiResponse;
import io.amira.api.AmiTimeoutException;
import io.amira.protocol.AmiMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** List collection and the meaning of answers, without a socket. */
class PendingResponseTest {

    private static AmiMessage packet(String... nameValuePairs) {
        String[] names = new String[nameValuePairs.length / 2];
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = nameValuePairs[2 * i];
            values[i] = nameValuePairs[2 * i + 1];
        }
        return AmiMessage.of(null, names, values);
    }

    private static PendingResponse pending(String action) {
        return new PendingResponse("7", action, "127.0.0.1:5038", TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void collectsListItemsUntilTheCompleteEvent() throws Exception {
        PendingResponse status = pending("Status");
        status.onResponse(packet("Response", "Success", "ActionID", "7", "EventList", "start",
                "Message", "Channel status will follow"));
        assertFalse(status.isDone());
        assertTrue(status.onEvent(packet("Event", "Status", "Channel", "Local/100@demo-1;1", "ActionID", "7")));
        assertTrue(status.onEvent(packet("Event", "Status", "Channel", "Local/100@demo-1;2", "ActionID", "7")));
        assertFalse(status.isDone());
        assertTrue(status.onEvent(packet("Event", "StatusComplete", "ActionID", "7", "EventList", "Complete",
                "ListItems", "2")));
        AmiResponse response = status.future.get();
        assertEquals("Success", response.name());
        assertEquals(2, response.events().size());
        assertEquals("Local/100@demo-1;2", response.events().get(1).get("Channel"));
        assertEquals("StatusComplete", response.completion().name());
        assertEquals("2", response.completion().get("listitems"));
    }

    @Test
    void eventListValuesInAnyCase() throws Exception {
        PendingResponse list = pending("QueueStatus");
        list.onResponse(packet("Response", "Success", "ActionID", "7", "EventList", "Start"));
        list.onEvent(packet("Event", "QueueStatusComplete", "ActionID", "7", "EventList", "complete"));
        assertTrue(list.future.get().events().isEmpty(), "an empty list is a success with no items");
    }

    @Test
    void oldAsteriskListWithoutEventListHeaders() throws Exception {
        PendingResponse list = pending("Status");
        list.onResponse(packet("Response", "Success", "ActionID", "7", "Message", "Channel status will follow"));
        list.onEvent(packet("Event", "Status", "ActionID", "7"));
        list.onEvent(packet("Event", "StatusComplete", "ActionID", "7", "Items", "1"));
        assertEquals(1, list.future.get().events().size());
    }

    @Test
    void cancelledListFailsWithThePartialAnswer() {
        PendingResponse list = pending("CoreShowChannels");
        list.onResponse(packet("Response", "Success", "ActionID", "7", "EventList", "start"));
        list.onEvent(packet("Event", "CoreShowChannel", "ActionID", "7"));
        list.onEvent(packet("Event", "CoreShowChannelsComplete", "ActionID", "7", "EventList", "cancelled"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> list.future.get());
        AmiActionFailedException failure = assertInstanceOf(AmiActionFailedException.class, e.getCause());
        assertTrue(failure.getMessage().contains("cancelled"), failure.getMessage());
        assertEquals(1, failure.response().events().size());
    }

    @Test
    void errorResponseEndsTheList() {
        PendingResponse list = pending("Status");
        list.onResponse(packet("Response", "Error", "ActionID", "7", "Message", "No such channel"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> list.future.get());
        AmiActionFailedException failure = assertInstanceOf(AmiActionFailedException.class, e.getCause());
        assertEquals("Action Status (ActionID 7) on 127.0.0.1:5038 failed: Response: Error, Message: No such channel",
                failure.getMessage());
        assertEquals("No such channel", failure.response().message());
    }

    @Test
    void eventsOfANonListActionAreNotTaken() {
        PendingResponse userEvent = pending("UserEvent");
        assertFalse(userEvent.onEvent(packet("Event", "UserEvent", "ActionID", "7")));
        userEvent.onResponse(packet("Response", "Success", "ActionID", "7", "Message", "Event Sent"));
        assertTrue(userEvent.isDone());
    }

    @Test
    void olderVersionsAnswersMeanSuccess() throws Exception {
        for (String name : List.of("Pong", "Events Off", "Events On", "Goodbye", "Follows", "Success")) {
            PendingResponse p = pending("Ping");
            p.onResponse(packet("Response", name, "ActionID", "7"));
            assertTrue(p.future.get().isSuccess(), name);
            assertEquals(name, p.future.get().name());
        }
    }

    @Test
    void permissionDeniedHasItsOwnException() {
        PendingResponse originate = pending("Originate");
        originate.onResponse(packet("Response", "Error", "ActionID", "7", "Message", "Permission denied"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> originate.future.get());
        AmiPermissionDeniedException denied = assertInstanceOf(AmiPermissionDeniedException.class, e.getCause());
        assertTrue(denied.getMessage().startsWith("Action Originate (ActionID 7) on 127.0.0.1:5038 refused: Permission denied"),
                denied.getMessage());
    }

    @Test
    void expiryNamesWhatIsMissing() {
        PendingResponse list = pending("Status");
        list.onResponse(packet("Response", "Success", "ActionID", "7", "EventList", "start"));
        list.onEvent(packet("Event", "Status", "ActionID", "7"));
        list.expire();
        ExecutionException e = assertThrows(ExecutionException.class, () -> list.future.get());
        AmiTimeoutException timeout = assertInstanceOf(AmiTimeoutException.class, e.getCause());
        assertEquals("Action Status (ActionID 7) on 127.0.0.1:5038 got no end of its list (1 items so far) within 1 s;"
                + " the session is still open", timeout.getMessage());
    }

    @Test
    void pendingEventCompletesWithTheEventEvenBeforeTheResponse() throws Exception {
        PendingEvent originate = new PendingEvent("9", "Originate", "h:1", TimeUnit.SECONDS.toNanos(1), "OriginateResponse");
        assertFalse(originate.onEvent(packet("Event", "OriginateResponse", "ActionID", "9", "Response", "Failure")));
        assertEquals("Failure", originate.future.get().get("Response"));
        assertFalse(originate.isDone(), "kept until its response comes, so the response is not unmatched");
        originate.onResponse(packet("Response", "Success", "ActionID", "9"));
        assertTrue(originate.isDone());
        assertNull(originate.future.get().get("Channel"));
    }
}
