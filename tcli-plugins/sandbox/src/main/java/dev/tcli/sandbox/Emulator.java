package dev.tcli.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One emulated service (PagerDuty, Splunk On-Call, Statuspage, Sumo Logic). The
 * {@link SandboxServer} serves it under {@code /<name>} on loopback, keeps its state in
 * {@code $XDG_STATE_HOME/tcli/sandbox/<name>.json}, and calls {@link #handle} under a
 * cross-process lock, so two tcli processes never corrupt it.
 */
public interface Emulator {

    /** The URL prefix and state file name, e.g. {@code pagerduty}. */
    String name();

    /**
     * Adds this service's sections to the sandbox profile, e.g.
     * {@code profile.putObject("pagerduty").put("base_url", baseUrl).put("token", ...)}.
     *
     * @param baseUrl {@code http://127.0.0.1:PORT/<name>}
     */
    void settings(String baseUrl, ObjectNode profile);

    /** The seed state: deterministic for a given {@link Seed} (same seed, same data, relative to its time). */
    ObjectNode seed(Seed seed);

    /**
     * Answers one request. Mutate {@code state} in place and call {@link Exchange#mutated()} so the
     * server persists it. Throwing {@link Exchange.Reply} is fine for early error answers.
     */
    Exchange.Reply handle(Exchange exchange, ObjectNode state);
}
