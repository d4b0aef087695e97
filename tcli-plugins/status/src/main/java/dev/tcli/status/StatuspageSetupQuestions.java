package dev.tcli.status;

import dev.tcli.spi.SetupQuestions;
import java.util.List;

/** {@code tcli config init}'s questions about Statuspage: the page, then (only for a page) the key. */
public final class StatuspageSetupQuestions implements SetupQuestions {
    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Flag> flags() {
        return List.of(
                new Flag("--statuspage-page-id", "ID", "Statuspage page id."),
                new Flag("--statuspage-token-cmd", "CMD", "Command printing your Statuspage API key."));
    }

    @Override
    public void ask(Setup setup) {
        setup.put("statuspage", "page_id", setup.answer("--statuspage-page-id", "Statuspage page id", null));
        if (setup.has("statuspage")) {
            setup.put("statuspage", "token_cmd", setup.answer("--statuspage-token-cmd",
                    "Command printing your Statuspage API key", null));
        }
    }
}
