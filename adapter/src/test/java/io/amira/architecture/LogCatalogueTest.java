package io.amira.architecture;

import io.amira.log.LogMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Amira's log messages are declared in one catalogue class per package ({@code *Log.java}, fields of
 * type {@link LogMessage}); their ids are unique, and no other source file writes an id of its own.
 */
class LogCatalogueTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern ID = Pattern.compile("\"AMIRA-[A-Z0-9-]+");

    @Test
    void everyIdIsDeclaredOnceInACatalogue() throws Exception {
        Map<String, String> declaredBy = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        List<Path> catalogues = sources().stream().filter(LogCatalogueTest::isCatalogue).toList();
        assertTrue(catalogues.size() >= 5, "catalogues found: " + catalogues);
        for (Path catalogue : catalogues) {
            for (LogMessage message : messages(catalogue)) {
                String previous = declaredBy.put(message.id(), catalogue.getFileName().toString());
                if (previous != null) {
                    duplicates.add(message.id() + " in " + previous + " and " + catalogue.getFileName());
                }
            }
        }
        assertEquals(List.of(), duplicates);
    }

    @Test
    void noSourceOutsideTheCataloguesWritesAnId() throws IOException {
        List<String> strays = new ArrayList<>();
        for (Path source : sources()) {
            if (!isCatalogue(source)) {
                Matcher id = ID.matcher(Files.readString(source));
                while (id.find()) {
                    strays.add(source.getFileName() + ": " + id.group().substring(1));
                }
            }
        }
        assertEquals(List.of(), strays);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static boolean isCatalogue(Path source) {
        try {
            return source.getFileName().toString().endsWith("Log.java") && Files.readString(source).contains("LogMessage.");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<LogMessage> messages(Path catalogue) throws Exception {
        String className = SOURCES.relativize(catalogue).toString().replace('/', '.').replaceAll("\\.java$", "");
        List<LogMessage> messages = new ArrayList<>();
        for (Field field : Class.forName(className).getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == LogMessage.class) {
                field.setAccessible(true);
                messages.add((LogMessage) field.get(null));
            }
        }
        return messages;
    }
}
