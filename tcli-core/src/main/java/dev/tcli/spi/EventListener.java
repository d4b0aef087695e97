package dev.tcli.spi;

import java.util.Map;

/**
 * A cross-module hook: one module publishes an event ({@link ModuleContext#publish}), others
 * react, without importing each other. Registered in
 * {@code META-INF/services/dev.tcli.spi.EventListener}. Listeners run synchronously on the
 * publishing thread; a listener's failure is logged, never fails the publisher.
 */
public interface EventListener {

    /**
     * Events published by the built-ins (extend, never rename):
     * <ul>
     *   <li>{@code oncall.resolved} — {@code ids} (list), {@code open_remaining} (int)</li>
     * </ul>
     */
    void on(String event, Map<String, Object> data, ModuleContext ctx);
}
