package dev.cairn.server.run;

/** A project as stored: its internal key and its address {@code entity/name}. */
public record Project(long pk, String entity, String name) {
    @Override
    public String toString() {
        return entity + "/" + name;
    }
}
