package dev.tcli.logs;

import dev.tcli.spi.AccessChecks;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.http.ApiClient;
import java.util.List;

/**
 * {@code tcli onboard check}'s Sumo Logic line: the access id and key are accepted by the
 * configured deployment, through {@link SumoClient} like {@code tcli logs}. Registered in
 * {@code META-INF/services/dev.tcli.spi.AccessChecks}.
 */
public final class SumoAccess implements AccessChecks {
    @Override
    public String section() {
        return "sumologic";
    }

    @Override
    public String service() {
        return "Sumo Logic";
    }

    @Override
    public List<String> names() {
        return List.of("sumologic");
    }

    /**
     * A tiny call that changes nothing: the status of a search job that does not exist. Sumo
     * answers 401 for bad credentials, 301 from the wrong deployment, and its own 404 error
     * (with a {@code code}) once it has accepted who we are.
     */
    @Override
    public List<Check> checks(ModuleContext ctx) {
        return List.of(new Check("sumologic", "the access id and key are accepted by the deployment in base_url", "check access_id and "
                + "access_key_cmd (or TCLI_SUMOLOGIC_ACCESS_KEY) in [profiles." + ctx.profile() + ".sumologic]; create an access key in "
                + "Sumo Logic → Preferences → My Access Keys", t -> {
                    SumoClient sumo = SumoClient.connect(ctx);
                    String probe = dev.tcli.spi.http.ApiPath.of(SumoClient.JOBS + "/{}", "tcli-onboard-probe");
                    return verdict(sumo.unfollowed(probe), sumo.base());
                }));
    }

    static Result verdict(ApiClient.Response r, String base) {
        int st = r.status();
        if (st == 301 || st == 302 || st == 307 || st == 308) {
            return Result.fail("this account lives on another deployment: " + r.header("Location"),
                    "set base_url in [sumologic] to the deployment in that address (e.g. https://api.us2.sumologic.com)");
        }
        if (st == 401 || st == 403) {
            return Result.fail("Sumo Logic refused the access id/key (HTTP " + st + ")");
        }
        if (st == 404) {
            // Sumo's own answer for a job id it does not know; any other 404 is not the search job API
            if (SumoClient.parseQuietly(r).path("code").asText().contains("jobid")) {
                return Result.ok("access key accepted by " + base);
            }
            return Result.fail(base + " does not look like a Sumo Logic API (HTTP " + st + " without a Sumo answer)",
                    "set base_url in [sumologic] to your deployment's API, e.g. https://api.us2.sumologic.com");
        }
        return Result.fail("Sumo Logic answered HTTP " + st);
    }
}
