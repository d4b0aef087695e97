package dev.tcli.oncall;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.AccessChecks;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.Settings;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.http.ApiClient;
import dev.tcli.spi.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code tcli onboard check}'s PagerDuty lines: the token is accepted, my user can be woken (a
 * phone, SMS or push contact method) and is on a schedule. Through {@link PagerDutyProvider}'s
 * client, so the same base URL, headers and retries as {@code tcli oncall}; registered in
 * {@code META-INF/services/dev.tcli.spi.AccessChecks}.
 */
public final class PagerDutyAccess implements AccessChecks {
    /** Contact method types PagerDuty can wake you with (email alone does not). */
    private static final List<String> WAKING = List.of("phone_contact_method", "sms_contact_method", "push_notification_contact_method");

    @Override
    public String section() {
        return "pagerduty";
    }

    @Override
    public String service() {
        return "PagerDuty";
    }

    @Override
    public List<String> names() {
        return List.of("pagerduty", "pagerduty-contact", "pagerduty-schedule");
    }

    /** Who the token says I am, and how that was found out. */
    private record PdUser(JsonNode user, String how) {
    }

    @Override
    public List<Check> checks(ModuleContext ctx) {
        Settings s = ctx.settings("pagerduty");
        String settingsHint = "check token_cmd (or TCLI_PAGERDUTY_TOKEN) in [profiles." + ctx.profile()
                + ".pagerduty]; a user token comes from PagerDuty → My Profile → User Settings → Create API User Token";
        PagerDutyProvider pd = new PagerDutyProvider(ctx);
        // one GET /users/me for the three checks; its failure is each one's
        Supplier<PdUser> me = Lazy.of(() -> me(ctx, pd.api(), s));
        Check creds = new Check("pagerduty", "the token is accepted", settingsHint, t -> {
            PdUser u = me.get();
            return Result.ok("token accepted (" + u.how() + "): " + u.user().path("name").asText() + " <"
                    + u.user().path("email").asText() + ">");
        });
        Check contact = new Check("pagerduty-contact", "a phone, SMS or push contact method", "add your phone (and the PagerDuty app for push) "
                + "under PagerDuty → My Profile → Contact Information, then set notification rules that use them", t -> {
                    PdUser u = me.get();
                    List<String> waking = new ArrayList<>();
                    List<String> other = new ArrayList<>();
                    for (JsonNode cm : u.user().path("contact_methods")) {
                        String type = cm.path("type").asText().replace("_reference", "");
                        String label = type.replace("_contact_method", "").replace("push_notification", "push");
                        (WAKING.contains(type) ? waking : other).add(label);
                    }
                    if (waking.isEmpty()) {
                        return Result.fail("no phone, SMS or push contact method" + (other.isEmpty() ? "" : " (only " + String.join(", ", other) + ")"));
                    }
                    return Result.ok(String.join(", ", waking));
                });
        Check schedule = new Check("pagerduty-schedule", "on at least one schedule",
                "ask your team lead to add you to the on-call rotation (a PagerDuty schedule)", t -> {
                    String id = me.get().user().path("id").asText();
                    List<String> mine = new ArrayList<>();
                    int offset = 0;
                    while (true) {
                        JsonNode page = pd.api().get("/schedules", Map.of("limit", 100, "offset", offset));
                        for (JsonNode sc : page.path("schedules")) {
                            for (JsonNode u : sc.path("users")) {
                                if (u.path("id").asText().equals(id)) {
                                    mine.add(sc.path("name").asText(sc.path("summary").asText()));
                                    break;
                                }
                            }
                        }
                        int n = page.path("schedules").size();
                        if (!page.path("more").asBoolean() || n == 0) {
                            break;
                        }
                        offset += n;
                    }
                    return mine.isEmpty() ? Result.fail(me.get().user().path("name").asText() + " is on no schedule")
                            : Result.ok("on " + String.join(", ", mine));
                });
        return List.of(creds, contact, schedule);
    }

    /**
     * GET /users/me (a user token) with the contact methods; an account token is refused there, so
     * the configured email finds the user. Not {@link PagerDutyProvider#me()}: onboard says which
     * token kind worked and needs the contact methods, and words its failures for a new hire.
     */
    private static PdUser me(ModuleContext ctx, ApiClient api, Settings s) {
        try {
            return new PdUser(api.get("/users/me", Map.of("include[]", "contact_methods")).path("user"), "user token");
        } catch (ApiException e) {
            if (e.status() != 400 && e.status() != 403) {
                throw e;
            }
        }
        String email = s.string("email").orElseThrow(() -> TcliException.config("the token is an account token (GET /users/me refused it): "
                + "set email = \"you@example.com\" in [profiles." + ctx.profile() + ".pagerduty]"));
        JsonNode users = api.get("/users", Map.of("query", email, "include[]", "contact_methods")).path("users");
        for (JsonNode u : users) {
            if (u.path("email").asText().equalsIgnoreCase(email)) {
                return new PdUser(u, "account token, user by email");
            }
        }
        throw TcliException.config("the token works but no PagerDuty user has the email '" + email + "' (" + s.where("email") + ")");
    }

    /** Computes once for every check that needs it (e.g. who I am in PagerDuty); a failure is re-thrown to each. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> compute;
        private T value;
        private RuntimeException failure;
        private boolean done;

        private Lazy(Supplier<T> compute) {
            this.compute = compute;
        }

        static <T> Lazy<T> of(Supplier<T> compute) {
            return new Lazy<>(compute);
        }

        @Override
        public synchronized T get() {
            if (!done) {
                try {
                    value = compute.get();
                } catch (RuntimeException e) {
                    failure = e;
                }
                done = true;
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
