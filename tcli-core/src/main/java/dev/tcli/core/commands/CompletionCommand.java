package dev.tcli.core.commands;

import dev.tcli.core.BashCompletion;
import dev.tcli.spi.CommandTree;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "completion", description = "Print a completion script built from the live command tree, plugins included.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(tcli completion bash)", "  tcli completion zsh > ~/.zfunc/_tcli    (with ~/.zfunc in $fpath)"})
public final class CompletionCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    String shell;

    public CompletionCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw TcliException.usage("no completion for '" + shell + "': use bash or zsh");
        }
        var tree = ctx.services(CommandTree.class).get(0).root();
        String script = shell.equals("zsh") ? BashCompletion.zsh(tree) : BashCompletion.bash(tree);
        ctx.stdout().print(script);
        ctx.stdout().flush();
        return 0;
    }
}
