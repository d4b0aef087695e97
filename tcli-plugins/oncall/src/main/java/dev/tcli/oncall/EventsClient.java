package dev.tcli.oncall;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.Mappers;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.http.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PagerDuty Events API v2 ({@code POST {events_url}/v2/enqueue}), for scripts and monitors. The
 * routing key travels in the body, so it is registered with {@code ctx.redact} (masked in every
 * message and log) and a dry run prints the body with the key masked.
 */
public final class EventsClient {
    private final ModuleContext ctx;

    public EventsClient(ModuleContext ctx) {
        this.ctx = ctx;
    }

    /** The routing key: --routing-key-cmd, else --service's Events v2 integration, else [pagerduty] routing_key(_cmd). */
    public String routingKey(String keyCmd, String service) {
        // the key travels in a body, where header masking cannot see it: mask it everywhere from here on
        String key = findRoutingKey(keyCmd, service);
        ctx.redact(key);
        return key;
    }

    private String findRoutingKey(String keyCmd, String service) {
        if (keyCmd != null) {
            return run(keyCmd);
        }
        if (service != null) {
            PagerDutyProvider pd = new PagerDutyProvider(ctx);
            JsonNode services = pd.api().get("/services", Map.of("query", service, "include[]", "integrations")).path("services");
            for (JsonNode s : services) {
                if (s.path("name").asText().equalsIgnoreCase(service) || s.path("id").asText().equals(service)) {
                    for (JsonNode i : s.path("integrations")) {
                        if (i.path("type").asText().startsWith("events_api_v2_inbound_integration") && i.hasNonNull("integration_key")) {
                            return i.path("integration_key").asText();
                        }
                    }
                    throw TcliException.config("PagerDuty service '" + service + "' has no Events API v2 integration; add one, or pass --routing-key-cmd");
                }
            }
            throw TcliException.notFound("no PagerDuty service named '" + service + "'");
        }
        return ctx.optionalSecret("pagerduty", "routing_key").orElseThrow(() -> TcliException.usage(
                "no routing key: pass --service NAME or --routing-key-cmd CMD, or set routing_key_cmd in [profiles." + ctx.profile()
                        + ".pagerduty] (or TCLI_PAGERDUTY_ROUTING_KEY)"));
    }

    private String run(String cmd) {
        try {
            Process p = new ProcessBuilder("sh", "-c", cmd).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
                throw TcliException.config("--routing-key-cmd failed or printed nothing (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
            }
            return out;
        } catch (IOException e) {
            throw TcliException.config("cannot run --routing-key-cmd: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TcliException(ExitCode.INTERRUPTED, "interrupted");
        }
    }

    /** Sends one event; returns the reply ({@code status}, {@code dedup_key}), or null on a dry run. */
    public JsonNode send(String routingKey, String action, String dedupKey, Map<String, Object> payload) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routing_key", routingKey);
        body.put("event_action", action);
        if (dedupKey != null) {
            body.put("dedup_key", dedupKey);
        }
        if (payload != null) {
            body.put("payload", payload);
        }
        String base = ctx.settings("pagerduty").string("events_url", "https://events.pagerduty.com");
        if (ctx.flags().dryRun()) {
            Map<String, Object> shown = new LinkedHashMap<>(body);
            shown.put("routing_key", "****");
            try {
                ctx.stdout().println("DRY RUN, not sent: POST " + base.replaceAll("/$", "") + "/v2/enqueue");
                ctx.stdout().println("Content-Type: application/json");
                ctx.stdout().println(Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(shown));
                ctx.stdout().println();
                ctx.stdout().flush();
            } catch (IOException e) {
                throw TcliException.failed(e.getMessage());
            }
            return null;
        }
        ApiClient.Builder b = ctx.http().api("pagerduty-events").baseUrl(base);
        if (dedupKey != null) {
            b.retryPosts(); // same dedup_key twice is the same event: safe to repeat
        }
        ApiClient.Response r = b.build().exchange("POST", "/v2/enqueue", null, body, Map.of());
        JsonNode reply;
        try {
            reply = r.body() == null || r.body().isBlank() ? Mappers.json().createObjectNode() : Mappers.json().readTree(r.body());
        } catch (IOException e) {
            throw dev.tcli.spi.http.ApiException.malformed("PagerDuty Events", "POST /v2/enqueue", "HTTP " + r.status() + ", not JSON");
        }
        int exit = dev.tcli.spi.http.ApiException.exitCodeFor(r.status()); // the one mapping every client shares
        if (exit == dev.tcli.spi.ExitCode.OK) {
            if (!reply.path("status").isTextual()) {
                throw dev.tcli.spi.http.ApiException.malformed("PagerDuty Events", "POST /v2/enqueue", "no status");
            }
            return reply;
        }
        List<String> errors = new java.util.ArrayList<>();
        reply.path("errors").forEach(e -> errors.add(e.asText()));
        String why = reply.path("message").asText("HTTP " + r.status()) + (errors.isEmpty() ? "" : ": " + String.join("; ", errors));
        if (r.status() == 400) {
            throw TcliException.usage("PagerDuty Events refused the event (" + why + ")");
        }
        if (exit == dev.tcli.spi.ExitCode.UNAVAILABLE) {
            throw new TcliException(exit, "PagerDuty Events is unavailable (" + why + "); try again");
        }
        if (exit == dev.tcli.spi.ExitCode.AUTH) {
            throw new TcliException(exit, "PagerDuty Events rejected the routing key (" + why + ")");
        }
        throw new TcliException(exit, "PagerDuty Events answered " + why);
    }
}
