package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.spi.CommandTree;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What code outside the kernel gets through the SPI instead of downcasting to {@link DefaultContext}. */
class ContextSeamsTest {
    @TempDir
    Path tmp;

    private ModuleContext context(GlobalOptions globals, Map<String, String> env) {
        SystemEnv sys = new SystemEnv(env, new ByteArrayInputStream(new byte[0]),
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()),
                false, false, false, Clock.systemUTC(), tmp);
        return new DefaultContext(sys, globals, new ModuleRegistry(tmp.resolve("no-plugins"), sys.env()),
                new Interrupts(), "test");
    }

    @Test
    void requestedProfileNamesTheProfileWithoutResolvingIt() {
        GlobalOptions globals = new GlobalOptions();
        globals.profile = "staging";
        ModuleContext ctx = context(globals, Map.of("HOME", tmp.toString()));
        assertEquals(Optional.of("staging"), ctx.requestedProfile());
        // resolving it fails: no config defines it and no built-in has that name
        TcliException e = assertThrows(TcliException.class, ctx::profile);
        assertEquals(ExitCode.CONFIG, e.exitCode());
    }

    @Test
    void requestedProfileFallsBackToTheEnvironmentAndIsEmptyWithoutOne() {
        assertEquals(Optional.of("live"),
                context(new GlobalOptions(), Map.of("HOME", tmp.toString(), "TCLI_PROFILE", "live")).requestedProfile());
        assertEquals(Optional.empty(), context(new GlobalOptions(), Map.of("HOME", tmp.toString())).requestedProfile());
    }

    @Test
    void theKernelProvidesTheWholeCommandTree() {
        List<CommandTree> trees = context(new GlobalOptions(), Map.of("HOME", tmp.toString())).services(CommandTree.class);
        assertEquals(1, trees.size());
        var root = trees.get(0).root();
        assertEquals("tcli", root.getCommandName());
        assertTrue(root.getSubcommands().containsKey("echo"), root.getSubcommands().keySet().toString());
        assertTrue(root.getSubcommands().containsKey("completion"), root.getSubcommands().keySet().toString());
        assertTrue(root.getCommandSpec().optionsMap().containsKey("--profile"));
    }
}
