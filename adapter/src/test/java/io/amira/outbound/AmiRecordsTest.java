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
        AmiEvent item = AmiEvent.builder("Status").header("Channel", "Local/100@demo-1;1").build();
        AmiEvent done = AmiEvent.builder("StatusComplete").header("ListItems", "1").build();
        AmiResponse response = AmiResponse.builder("Success").header("Output", "a").header("Output", "b")
                .events(List.of(item)).completion(done).outputLines(List.of("a", "b")).build();
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
