package dev.tcli.logs;

import dev.tcli.spi.SetupQuestions;
import java.util.List;

/** {@code tcli config init}'s questions about Sumo Logic: the API URL, then (only with one) the access key. */
public final class SumoSetupQuestions implements SetupQuestions {
    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<Flag> flags() {
        return List.of(
                new Flag("--sumologic-base-url", "URL", "Sumo Logic API URL of your deployment."),
                new Flag("--sumologic-access-id", "ID", "Sumo Logic access id."),
                new Flag("--sumologic-access-key-cmd", "CMD", "Command printing your Sumo Logic access key."));
    }

    @Override
    public void ask(Setup setup) {
        setup.put("sumologic", "base_url", setup.answer("--sumologic-base-url",
                "Sumo Logic API URL (e.g. https://api.us2.sumologic.com)", null));
        if (setup.has("sumologic")) {
            setup.put("sumologic", "access_id", setup.answer("--sumologic-access-id", "Sumo Logic access id", null));
            setup.put("sumologic", "access_key_cmd", setup.answer("--sumologic-access-key-cmd",
                    "Command printing your Sumo Logic access key", null));
        }
    }
}
