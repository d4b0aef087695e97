package dev.tcli.oncall;

/**
 * One line of an incident's timeline: triggered, notified, acknowledged, a note, escalated...
 *
 * @param at    ISO-8601 UTC
 * @param type  {@code trigger}, {@code notify}, {@code acknowledge}, {@code note}, {@code escalate}, {@code assign}, {@code resolve}, ...
 * @param who   the person or service behind it
 * @param text  the summary or the note's text
 */
public record LogEntry(String at, String type, String who, String text) {
}
