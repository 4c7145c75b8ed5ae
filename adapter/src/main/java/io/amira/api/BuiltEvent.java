package io.amira.api;

import java.util.List;

/** An event made by {@link AmiEvent#builder}: Amira's lifecycle notifications, tests. */
final class BuiltEvent implements AmiEvent {

    private final String name;
    private final String server;
    private final String[] headerNames;
    private final String[] headerValues;

    BuiltEvent(String name, String server, String[] headerNames, String[] headerValues) {
        this.name = name;
        this.server = server;
        this.headerNames = headerNames;
        this.headerValues = headerValues;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String server() {
        return server;
    }

    @Override
    public String get(String header) {
        return HeaderLookup.first(headerNames, headerValues, header);
    }

    @Override
    public List<String> getAll(String header) {
        return HeaderLookup.all(headerNames, headerValues, header);
    }

    @Override
    public int size() {
        return headerNames.length;
    }

    @Override
    public String headerName(int index) {
        return headerNames[index];
    }

    @Override
    public String headerValue(int index) {
        return headerValues[index];
    }

    @Override
    public String toString() {
        return "AmiEvent[" + name + ", " + headerNames.length + " headers]";
    }
}
