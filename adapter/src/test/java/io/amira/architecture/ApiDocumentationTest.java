package io.amira.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every public type of {@code io.amira.api} says what it is for in a Javadoc comment (the build's
 * javadoc run checks the rest of the API docs: {@code mvn -pl adapter javadoc:javadoc}, warnings fail).
 */
class ApiDocumentationTest {

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*)?public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|enum|record)\\s+(\\w+)");

    @Test
    void everyPublicTypeIsDocumented() throws IOException {
        List<String> undocumented = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/amira/api"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher type = PUBLIC_TYPE.matcher(Files.readString(file));
                if (type.find() && type.group(1) == null) {
                    undocumented.add(type.group(2));
                }
            }
        }
        assertEquals(List.of(), undocumented);
    }
}
