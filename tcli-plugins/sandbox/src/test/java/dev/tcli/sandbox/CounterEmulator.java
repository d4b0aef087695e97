package dev.tcli.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A test emulator: a counter, to prove persistence, locking and faults without a real service. */
public final class CounterEmulator implements Emulator {
    @Override
    public String name() {
        return "counter";
    }

    @Override
    public void settings(String baseUrl, ObjectNode profile) {
        profile.putObject("counter").put("base_url", baseUrl);
    }

    @Override
    public ObjectNode seed(Seed seed) {
        ObjectNode n = Exchange.JSON.createObjectNode();
        n.put("count", seed.random("counter").nextInt(1000));
        return n;
    }

    @Override
    public Exchange.Reply handle(Exchange ex, ObjectNode state) {
        if (ex.method().equals("POST")) {
            state.put("count", state.get("count").asInt() + 1);
            ex.mutated();
        }
        ObjectNode out = Exchange.JSON.createObjectNode();
        out.put("count", state.get("count").asInt());
        out.put("padding", "x".repeat(200));
        return Exchange.Reply.json(200, out);
    }
}
