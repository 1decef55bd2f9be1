package org.bastion.crm.monitor.internal.delivery;

/**
 * One server-sent event: an alert change ({@code id}, {@code name} and JSON {@code data}) or a heartbeat (a comment
 * only).
 */
public record StreamEvent(String id, String name, String data, String comment) {

    /** An alert change. */
    public static StreamEvent alert(long number, String json) {
        return new StreamEvent(Long.toString(number), "alert", json, null);
    }

    /** A comment line, which clients ignore: keeps the connection busy. */
    public static StreamEvent comment(String text) {
        return new StreamEvent(null, null, null, text);
    }

    /** Whether this is a comment only. */
    public boolean isComment() {
        return data == null;
    }
}
