package org.advocategraph.store.neo4j;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;

/**
 * One element as read, by property name, whichever way it was read: a node's properties, or a relationship's
 * properties with its endpoints' ids as {@code f} and {@code t}. The record mappings ({@link Scans},
 * {@link Neo4jGraphStore.NodeMapping}) read rows, so the driver and the in-process reader ({@link InProcessReader})
 * share one mapping and cannot drift apart.
 *
 * <p>Values are what either side hands out: a driver value as a Java object (longs, doubles, lists, zoned
 * date-times) or a stored property (longs, doubles, arrays, zoned date-times); absent is null.
 */
@FunctionalInterface
interface Row {

    /** @return the value, or null when absent */
    Object get(String name);

    /** @return a row over a driver record's columns */
    static Row of(Record r) {
        return name -> r.get(name).asObject();
    }

    /** @return a row over a driver node's properties */
    static Row of(org.neo4j.driver.types.Node n) {
        return name -> n.get(name).asObject();
    }

    /** @return a row over a map of properties */
    static Row of(Map<String, Object> properties) {
        return properties::get;
    }

    /** @return the string value, which must be present */
    default String string(String name) {
        Object v = get(name);
        if (v == null) {
            throw new IllegalStateException("the stored element has no " + name);
        }
        return (String) v;
    }

    /** @return the string value, or {@code absent} */
    default String string(String name, String absent) {
        Object v = get(name);
        return v == null ? absent : (String) v;
    }

    /** @return the number as a double, or {@code absent} */
    default double number(String name, double absent) {
        Object v = get(name);
        return v == null ? absent : ((Number) v).doubleValue();
    }

    /** @return the number as a double, or null */
    default Double nullableNumber(String name) {
        Object v = get(name);
        return v == null ? null : ((Number) v).doubleValue();
    }

    /** @return the number as a long, or {@code absent} */
    default long integer(String name, long absent) {
        Object v = get(name);
        return v == null ? absent : ((Number) v).longValue();
    }

    /** @return the boolean, or {@code absent} */
    default boolean bool(String name, boolean absent) {
        Object v = get(name);
        return v == null ? absent : (Boolean) v;
    }

    /** @return the instant of a date-time, or null */
    default Instant instant(String name) {
        Object v = get(name);
        return v == null ? null : ((ZonedDateTime) v).toInstant();
    }

    /** @return the strings of a list or array; empty when absent */
    default List<String> strings(String name) {
        Object v = get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String[] array) {
            return Arrays.asList(array);
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            out.add((String) o);
        }
        return out;
    }
}
