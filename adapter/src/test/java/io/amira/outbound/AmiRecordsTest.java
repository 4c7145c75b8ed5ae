package io.amira.outbound;

import io.amira.api.AmiEvent;
import io.amira.api.AmiResponse;
import jakarta.resource.cci.IndexedRecord;
import jakarta.resource.cci.MappedRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiRecordsTest {

    @Test
    void mappedRecordsFindHeadersRegardlessOfCase() throws Exception {
        AmiMappedRecord<String, Object> record = new AmiMappedRecord<>("r");
        record.put("ActionID", "42");

        assertEquals("42", record.get("actionid"));
        assertTrue(record.containsKey("ACTIONID"));
        AmiMappedRecord<String, Object> copy = record.clone();
        assertNotSame(record, copy);
        assertEquals(record, copy);
    }

    @Test
    void responseBecomesARecordWithItemsRepeatsAndOutput() {
        AmiEvent item = AmiEvent.of("Status", new String[] {"Event", "Channel"}, new String[] {"Status", "Local/100@demo-1;1"});
        AmiEvent done = AmiEvent.of("StatusComplete", new String[] {"Event", "ListItems"}, new String[] {"StatusComplete", "1"});
        AmiResponse response = AmiResponse.of("Success", new String[] {"Response", "Output", "Output"},
                new String[] {"Success", "a", "b"}, List.of(item), done, List.of("a", "b"));
        AmiMappedRecord<Object, Object> record = new AmiMappedRecord<>("out");

        AmiInteraction.fill(record, response);

        assertEquals("Success", record.get("Response"));
        assertEquals(List.of("a", "b"), record.get("Output"));
        assertEquals(List.of("a", "b"), record.get(AmiInteraction.OUTPUT));
        IndexedRecord<?> items = (IndexedRecord<?>) record.get(AmiInteraction.EVENTS);
        assertEquals("Local/100@demo-1;1", ((MappedRecord<?, ?>) items.get(0)).get("channel"));
        assertEquals("1", ((MappedRecord<?, ?>) record.get(AmiInteraction.COMPLETION)).get("ListItems"));
    }
}
