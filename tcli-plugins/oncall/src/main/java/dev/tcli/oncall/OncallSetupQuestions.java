package dev.tcli.oncall;

import dev.tcli.spi.SetupQuestions;
import dev.tcli.spi.TcliException;
import java.util.List;

/** {@code tcli config init}'s questions about the pager: which provider, then that provider's account. */
public final class OncallSetupQuestions implements SetupQuestions {
    @Override
    public int order() {
        return 10; // first: the pager is what every on-call engineer sets up
    }

    @Override
    public List<Flag> flags() {
        return List.of(
                new Flag("--provider", "PROVIDER", "On-call provider: pagerduty or victorops."),
                new Flag("--pagerduty-email", "EMAIL", "PagerDuty login email."),
                new Flag("--pagerduty-token-cmd", "CMD", "Command printing your PagerDuty API token."),
                new Flag("--pagerduty-base-url", "URL", "PagerDuty API URL (default: https://api.pagerduty.com)."),
                new Flag("--victorops-api-id", "ID", "Splunk On-Call API id."),
                new Flag("--victorops-api-key-cmd", "CMD", "Command printing your Splunk On-Call API key."),
                new Flag("--victorops-username", "USER", "Splunk On-Call username."));
    }

    @Override
    public void ask(Setup setup) {
        String provider = setup.answer("--provider", "On-call provider (pagerduty/victorops)", "pagerduty");
        if (!"pagerduty".equals(provider) && !"victorops".equals(provider)) {
            throw TcliException.usage("--provider must be pagerduty or victorops, not '" + (provider == null ? "" : provider) + "'");
        }
        setup.put("oncall", "provider", provider);
        if (provider.equals("pagerduty")) {
            setup.put("pagerduty", "base_url", setup.answer("--pagerduty-base-url", null, null));
            setup.put("pagerduty", "email", setup.answer("--pagerduty-email", "PagerDuty login email", null));
            setup.put("pagerduty", "token_cmd", setup.answer("--pagerduty-token-cmd", "Command printing your PagerDuty API token", null));
        } else {
            setup.put("victorops", "api_id", setup.answer("--victorops-api-id", "Splunk On-Call API id", null));
            setup.put("victorops", "api_key_cmd", setup.answer("--victorops-api-key-cmd",
                    "Command printing your Splunk On-Call API key", null));
            setup.put("victorops", "username", setup.answer("--victorops-username", "Splunk On-Call username", null));
        }
    }
}
