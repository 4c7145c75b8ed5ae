package io.amira.health;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library's classes name no adapter class in their bytecode (a class reference is a binary
 * name, {@code io/amira/api/...}): they must load where the adapter is not visible (Payara's EAR
 * library loader), reaching the adapter only through {@link ReflectiveFactory}.
 */
class NoAdapterClassTest {

    @Test
    void onlyTheLibrarysOwnPackageIsReferenced() throws Exception {
        Path classes = Path.of(ConnectionCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(file -> file.toString().endsWith(".class")).toList();
        }
        assertTrue(files.size() >= 5, "the library's classes in " + classes + ": " + files);
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertEquals(-1, bytes.replace("io/amira/health/", "").indexOf("io/amira/"), file + " references an adapter class");
        }
    }
}
