package dev.tcli.sandbox.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.tcli.sandbox.Recorder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Validates exchanges the {@link Recorder} saw against an official OpenAPI document, for the
 * modules' contract tests: an emulator (or a client) that drifts from the real API fails the build.
 */
public final class SpecCheck {
    private SpecCheck() {
    }

    /**
     * The ERROR-level problems in one service's recorded exchanges (injected sandbox faults skipped).
     *
     * @param validatorFor the document that describes an exchange (a service may span two)
     * @param tolerated a known, documented defect of the document: (exchange, message) -> skip it
     * @param atLeast fewer exchanges than this means the test exercised too little to prove anything
     */
    public static List<String> problems(List<Recorder.Recorded> exchanges, String service,
            Function<Recorder.Recorded, OpenApiInteractionValidator> validatorFor,
            BiPredicate<Recorder.Recorded, ValidationReport.Message> tolerated, int atLeast) {
        List<String> problems = new ArrayList<>();
        int n = 0;
        for (Recorder.Recorded r : exchanges) {
            if (!r.service().equals(service) || r.responseBody().contains("sandbox fault")) {
                continue;
            }
            n++;
            for (ValidationReport.Message m : validatorFor.apply(r).validate(request(r), response(r)).getMessages()) {
                if (m.getLevel() == ValidationReport.Level.ERROR && !tolerated.test(r, m)) {
                    problems.add(r.method() + " " + r.path() + (r.rawQuery() == null ? "" : "?" + r.rawQuery()) + " -> "
                            + r.status() + ": [" + m.getKey() + "] " + m.getMessage());
                }
            }
        }
        if (n < atLeast) {
            problems.add("too few " + service + " exchanges recorded: " + n + " (want at least " + atLeast + ")");
        }
        return problems;
    }

    static Request request(Recorder.Recorded r) {
        SimpleRequest.Builder rb = new SimpleRequest.Builder(Request.Method.valueOf(r.method()), r.path());
        // OkHttp adds "; charset=utf-8" to the JSON media type, which the specs' Content-Type enums omit
        r.requestHeaders().forEach((k, vs) -> rb.withHeader(k, k.equalsIgnoreCase("Content-Type")
                ? vs.stream().map(x -> x.replace("; charset=utf-8", "")).toList() : vs));
        if (r.rawQuery() != null) {
            for (String pair : r.rawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                rb.withQueryParam(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        if (!r.requestBody().isEmpty()) {
            rb.withBody(r.requestBody());
        }
        return rb.build();
    }

    static SimpleResponse response(Recorder.Recorded r) {
        SimpleResponse.Builder sb = SimpleResponse.Builder.status(r.status());
        for (Map.Entry<String, List<String>> h : r.responseHeaders().entrySet()) {
            sb.withHeader(h.getKey(), h.getValue());
        }
        if (!r.responseBody().isEmpty()) {
            sb.withBody(r.responseBody());
        }
        return sb.build();
    }
}
