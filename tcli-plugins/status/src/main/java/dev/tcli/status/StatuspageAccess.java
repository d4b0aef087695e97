package dev.tcli.status;

import dev.tcli.spi.AccessChecks;
import dev.tcli.spi.ModuleContext;
import java.util.List;

/**
 * {@code tcli onboard check}'s Statuspage line: the page's components can be read with the
 * configured page id and API key, through {@link StatuspageClient} like every status verb.
 * Registered in {@code META-INF/services/dev.tcli.spi.AccessChecks}.
 */
public final class StatuspageAccess implements AccessChecks {

    @Override
    public String section() {
        return "statuspage";
    }

    @Override
    public String service() {
        return "Statuspage";
    }

    @Override
    public List<String> names() {
        return List.of("statuspage");
    }

    @Override
    public List<Check> checks(ModuleContext ctx) {
        return List.of(new Check("statuspage", "the page's components can be read", "check page_id and token_cmd (or TCLI_STATUSPAGE_TOKEN) in "
                + "[profiles." + ctx.profile() + ".statuspage]; an API key comes from Statuspage → your avatar → API info", t -> {
                    StatuspageClient page = StatuspageClient.connect(ctx);
                    List<Component> components = page.components();
                    return Result.ok("page " + page.pageId() + " readable (" + components.size() + " components)");
                }));
    }
}
