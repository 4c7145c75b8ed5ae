package io.amira;

import java.net.URL;
import java.security.CodeSource;

/** The archive the adapter was deployed from, as an administrator names it: {@code amira.rar}, {@code amira.ear/adapter.rar}. */
final class AdapterArchive {

    private static final String WILDFLY_CONTENT = "/content/";

    private AdapterArchive() {
    }

    static String of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null ? "(unknown)" : name(location.toString());
    }

    /**
     * WildFly's {@code vfs:/content/amira.ear/adapter.rar/amira.jar} is {@code amira.ear/adapter.rar};
     * elsewhere the last two folders of the location of the adapter's classes.
     */
    static String name(String location) {
        String path = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        if (path.endsWith(".jar") && path.lastIndexOf('/') > 0) {
            path = path.substring(0, path.lastIndexOf('/')); // the adapter's jar inside the archive
        }
        int content = path.indexOf(WILDFLY_CONTENT);
        if (content >= 0) {
            return path.substring(content + WILDFLY_CONTENT.length());
        }
        int last = path.lastIndexOf('/');
        int secondLast = last <= 0 ? -1 : path.lastIndexOf('/', last - 1);
        return path.substring(secondLast + 1);
    }
}
