package dev.tcli.oncall;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.AccessChecks;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.Settings;
import dev.tcli.spi.http.ApiClient;
import dev.tcli.spi.http.ApiException;
import java.util.List;

/**
 * {@code tcli onboard check}'s Splunk On-Call line: the API id and key are accepted and the
 * configured username is a user. Through {@link VictorOpsProvider}'s client (its 403 rate limit
 * is a rate limit, not refused credentials); registered in
 * {@code META-INF/services/dev.tcli.spi.AccessChecks}.
 */
public final class VictorOpsAccess implements AccessChecks {

    @Override
    public String section() {
        return "victorops";
    }

    @Override
    public String service() {
        return "Splunk On-Call";
    }

    @Override
    public List<String> names() {
        return List.of("victorops");
    }

    @Override
    public List<Check> checks(ModuleContext ctx) {
        Settings s = ctx.settings("victorops");
        return List.of(new Check("victorops", "the API id and key are accepted and username is a user", "check api_id, api_key_cmd "
                + "(or TCLI_VICTOROPS_API_KEY) and username in [profiles." + ctx.profile() + ".victorops]; API keys are under "
                + "Splunk On-Call → Integrations → API", t -> {
                    ApiClient api = new VictorOpsProvider(ctx).api(); // api_id, api_key, then username: the hint's order
                    String user = s.require("username");
                    try {
                        JsonNode u = api.get(dev.tcli.spi.http.ApiPath.of("/api-public/v1/user/{}", user));
                        String name = u.path("displayName").asText((u.path("firstName").asText() + " " + u.path("lastName").asText()).trim());
                        return Result.ok("API key accepted: " + name + " (" + u.path("username").asText(user) + ")");
                    } catch (ApiException e) {
                        if (e.exitCode() == ExitCode.NOT_FOUND) {
                            return Result.fail("the API key works but there is no user '" + user + "' (" + s.where("username") + ")");
                        }
                        throw e;
                    }
                }));
    }
}
