package dev.tcli.web;

/** One entry of {@code [web]}: a dashboard, a runbook, a console. */
public record Bookmark(String name, String url) {
}
