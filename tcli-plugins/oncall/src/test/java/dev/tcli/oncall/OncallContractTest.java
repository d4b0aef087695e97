package dev.tcli.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.Recorder;
import dev.tcli.sandbox.contract.SpecCheck;
import dev.tcli.testkit.TcliHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Records what a representative set of commands exchanges with the emulators and validates every
 * request and response against the official specs (test resources/specs, see the README there),
 * so an emulator or a client that drifts from the real API fails the build.
 */
class OncallContractTest extends OncallTestBase {

    /**
     * Rules ignored, each because the spec is known to be wrong or silent where the real API is
     * documented elsewhere (CONTRACTS.md):
     * <ul>
     *   <li>{@code validation.request.parameter.header.missing} / {@code ...contentType}: the
     *       specs declare {@code Accept}/{@code Content-Type} as parameters with defaults; our
     *       client sends {@code application/json; charset=utf-8}, which the real APIs accept.</li>
     *   <li>{@code validation.request.parameter.query.unexpected}: the Splunk On-Call 0.0.2 spec
     *       omits {@code daysSkip} usage on some paths the portal documents.</li>
     *   <li>{@code validation.response.status.unknown} for 401/403 on the Events API and the
     *       REST API's documented error statuses the spec leaves out of some operations (e.g. 400
     *       on GET /users/me with an account token, 404 code 2100 on unknown ids).</li>
     *   <li>{@code validation.response.body.schema.format.*}: PagerDuty's {@code tzinfo},
     *       {@code activesupport-time-zone}, {@code url} formats are custom names.</li>
     * </ul>
     */
    private static final Set<String> IGNORED = Set.of(
            "validation.request.parameter.header.missing",
            "validation.request.contentType.notAllowed",
            "validation.response.status.unknown",
            "validation.request.parameter.query.unexpected",
            "validation.response.body.schema.format",
            "validation.request.body.schema.format");

    private static OpenApiInteractionValidator pagerDuty;

    /** The REST API's validator, built once (the document is large): for other tests' exchanges too. */
    static synchronized OpenApiInteractionValidator pagerDutyValidator() {
        if (pagerDuty == null) {
            pagerDuty = validator("pagerduty-rest-openapiv3.json");
        }
        return pagerDuty;
    }

    static OpenApiInteractionValidator validator(String spec) {
        LevelResolver.Builder levels = LevelResolver.create();
        IGNORED.forEach(k -> levels.withLevel(k, ValidationReport.Level.IGNORE));
        if (spec.endsWith(".yaml")) {
            // The Splunk On-Call 0.0.2 spec (2018) lists fewer fields than the API sends today
            // (entityDisplayName, entityState, routingKey, the reporting API's offset/limit/total,
            // displayName): its closed objects would reject the real API's answers.
            levels.withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE);
            // Its shared error responses (400/401/403/404) have a description and no schema, while the
            // API answers them with {"message": ...}, e.g. the 403 of its rate limit
            levels.withLevel("validation.response.body.unexpected", ValidationReport.Level.IGNORE);
        levels.withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE);
        // ...which also fails every oneOf/allOf branch whose reference schema omits html_url, so
        // PagerDuty's composed response schemas are checked only down to the first oneOf (KNOWN GAP)
        levels.withLevel("validation.response.body.schema.oneOf", ValidationReport.Level.IGNORE);
        levels.withLevel("validation.response.body.schema.allOf", ValidationReport.Level.IGNORE);
        // pending_actions[].type is a discriminator in the spec with no mapping for its own enum values
        levels.withLevel("validation.response.body.schema.discriminator", ValidationReport.Level.IGNORE);
            return OpenApiInteractionValidator.createForSpecificationUrl(
                    OncallContractTest.class.getResource("/specs/" + spec).toString()).withLevelResolver(levels.build()).build();
        }
        // PagerDuty documents that Accept must be application/vnd.pagerduty+json;version=2
        // (CONTRACTS.md) while the spec lists only application/json responses; and it declares
        // statuses[]/urgencies[] as a single string although the API takes the key repeated.
        levels.withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE);
        // the validator closes every object (additionalProperties: false) once allOf is merged;
        // PagerDuty's answers carry fields its reference schemas omit (html_url, ...)
        levels.withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE);
        levels.withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE);
        // ...which also fails every oneOf/allOf branch whose reference schema omits html_url, so
        // PagerDuty's composed response schemas are checked only down to the first oneOf (KNOWN GAP)
        levels.withLevel("validation.response.body.schema.oneOf", ValidationReport.Level.IGNORE);
        levels.withLevel("validation.response.body.schema.allOf", ValidationReport.Level.IGNORE);
        // pending_actions[].type is a discriminator in the spec with no mapping for its own enum values
        levels.withLevel("validation.response.body.schema.discriminator", ValidationReport.Level.IGNORE);
        levels.withLevel("validation.request.parameter.collection.invalid", ValidationReport.Level.IGNORE);
        return OpenApiInteractionValidator.createForInlineApiSpecification(inlineOddRefs(spec)).withResolveCombinators(true)
                .withLevelResolver(levels.build()).build();
    }

    /**
     * PagerDuty's documents point some {@code $ref}s into parameters' and responses' schemas
     * ({@code #/components/parameters/x/schema}), which the OpenAPI parser refuses to load; the
     * test inlines those targets. Nothing else in the spec is changed.
     */
    static String inlineOddRefs(String spec) {
        try (var in = OncallContractTest.class.getResourceAsStream("/specs/" + spec)) {
            JsonNode root = JSON.readTree(in);
            // only the endpoints tcli calls: the parser trips on unrelated parts of a 4 MB document
            if (root.path("paths") instanceof ObjectNode paths) {
                paths.fieldNames().forEachRemaining(p -> { });
                List<String> drop = new ArrayList<>();
                paths.fieldNames().forEachRemaining(p -> {
                    if (!p.matches("/(incidents|users|services|teams|escalation_policies|schedules|oncalls|enqueue|priorities|log_entries)(/.*)?")) {
                        drop.add(p);
                    }
                });
                paths.remove(drop);
            }
            inline(root, root);
            return JSON.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void inline(JsonNode node, JsonNode root) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().matches("#/components/(parameters|responses|requestBodies)/.*/schema.*")) {
                JsonNode target = root.at(ref.asText().substring(1));
                if (!target.isMissingNode()) {
                    o.remove("$ref");
                    o.setAll((ObjectNode) target.deepCopy());
                }
            } else if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/requestBodies/")) {
                // a response that points at a request body (PUT .../cache_variables/.../data)
                JsonNode target = root.at(ref.asText().substring(1));
                if (target instanceof ObjectNode t) {
                    o.remove("$ref");
                    o.setAll(t.deepCopy());
                    if (!o.has("description")) {
                        o.put("description", "");
                    }
                }
            }
            o.properties().forEach(e -> inline(e.getValue(), root));
        } else if (node.isArray()) {
            node.forEach(n -> inline(n, root));
        }
    }

    static List<String> validate(List<Recorder.Recorded> exchanges, String service, OpenApiInteractionValidator rest,
            OpenApiInteractionValidator events) {
        return SpecCheck.problems(exchanges, service, r -> r.path().equals("/v2/enqueue") ? events : rest,
                // Service.integrations lists only *_reference types, but include[]=integrations (which
                // tcli uses to find an Events v2 routing key) returns full integration objects
                (r, m) -> m.getKey().equals("validation.response.body.schema.enum")
                        && m.getMessage().contains("\"events_api_v2_inbound_integration\""), 11);
    }

    @Test
    void pagerDutyExchangesFollowTheOfficialSpecs() {
        assertEquals(0, run("incidents").exit());
        assertEquals(0, run("incidents", "--status", "resolved", "--since", "7d", "--service", "builder-api", "--urgency", "high").exit());
        assertEquals(0, run("incidents", "--team", "Habitat Builder", "--mine").exit());
        String mine = myTriggered();
        assertEquals(0, run("show", "1042").exit());
        assertEquals(5, run("show", "Q0NOPE").exit());
        assertEquals(0, run("note", mine, "looking").exit());
        assertEquals(0, run("responders", "add", mine, "--user", "alex.chen@example.com").exit());
        assertEquals(0, run("ack", mine).exit());
        assertEquals(0, run("snooze", mine, "--for", "30m").exit());
        assertEquals(0, run("escalate", mine).exit());
        assertEquals(0, run("reassign", mine, "--to", "Priya Natarajan").exit());
        assertEquals(0, run("reassign", mine, "--policy", "Builder Escalation").exit());
        assertEquals(0, run("resolve", mine, "--note", "fixed").exit());
        assertEquals(0, run("who").exit());
        assertEquals(0, run("who", "--at", "in 7d", "--policy", "Builder Escalation").exit());
        assertEquals(0, run("schedule", "Builder Primary").exit());
        assertEquals(0, run("override", "--schedule", "Builder Secondary", "--user", "me", "--start", "in 1h", "--end", "in 2h").exit());
        assertEquals(0, run("trigger", "--service", "depot", "--summary", "depot 5xx", "--dedup-key", "c1").exit());
        assertEquals(0, run("resolve-event", "--service", "depot", "--dedup-key", "c1").exit());
        assertEquals(0, run("report", "--since", "3d", "--team", "Habitat Builder").exit());
        assertEquals(0, t.run("--profile", "account", "oncall", "incidents", "--mine").exit());
        assertEquals(4, t.run("--profile", "badtoken", "oncall", "incidents").exit());
        List<String> problems = validate(snapshot(), "pagerduty", validator("pagerduty-rest-openapiv3.json"),
                validator("pagerduty-events-v2-openapiv3.json"));
        assertEquals(List.of(), problems);
    }

    @Test
    void victorOpsExchangesFollowTheOfficialSpec() {
        t.config(CONFIG + """
                [profiles.vo]
                extends = "sandbox"
                [profiles.vo.oncall]
                provider = "victorops"
                """);
        TcliHarness.Result r;
        String[] base = {"--profile", "vo", "oncall"};
        r = t.run(concat(base, "incidents", "-o", "json"));
        assertEquals(0, r.exit(), r.toString());
        String n = r.json().get(0).path("number").asText();
        assertEquals(0, t.run(concat(base, "incidents", "--status", "resolved", "--since", "30d")).exit());
        assertEquals(0, t.run(concat(base, "show", "1042")).exit());
        assertEquals(0, t.run(concat(base, "ack", "--yes")).exit());
        assertEquals(0, t.run(concat(base, "reassign", n, "--to", "achen")).exit());
        assertEquals(0, t.run(concat(base, "resolve", n)).exit());
        assertEquals(0, t.run(concat(base, "who")).exit());
        assertEquals(0, t.run(concat(base, "who", "--at", "in 7d")).exit());
        assertEquals(0, t.run(concat(base, "schedule", "--days", "14")).exit());
        // take on-call, and the schedule that shows the take as an override
        assertEquals(0, t.run(concat(base, "override", "--schedule", "Builder Primary", "--user", "achen", "--start", "now",
                "--end", "in 1h")).exit());
        assertEquals(0, t.run(concat(base, "schedule", "--days", "7")).exit());
        // the rate-limit 403, retried
        dev.tcli.sandbox.Faults.add(t.stateDir().resolve("sandbox"), new dev.tcli.sandbox.Faults.Fault("victorops", "GET", null, "403", 1, 0, 0));
        assertEquals(0, t.run(concat(base, "who")).exit());
        r = t.run(concat(base, "report", "--since", "14d", "-o", "json"));
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.json().path("total").asInt() > 10, r.stdout());
        List<Recorder.Recorded> seen = snapshot();
        assertTrue(seen.stream().anyMatch(x -> x.method().equals("PATCH") && x.path().endsWith("/oncall/user") && x.status() == 200));
        assertTrue(seen.stream().anyMatch(x -> x.service().equals("victorops") && x.status() == 403));
        List<String> problems = validate(seen, "victorops", validator("victorops-api-v1-swagger-0.0.2.yaml"), null);
        assertEquals(List.of(), problems);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
