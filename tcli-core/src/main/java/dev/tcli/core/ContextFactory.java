package dev.tcli.core;

import dev.tcli.spi.ModuleContext;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates command objects, passing the {@link ModuleContext} to constructors that take one. */
final class ContextFactory implements CommandLine.IFactory {
    private final ModuleContext ctx;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    ContextFactory(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            Class<?>[] types = c.getParameterTypes();
            if (types.length == 1 && types[0].isAssignableFrom(ModuleContext.class)) {
                c.setAccessible(true);
                return cls.cast(c.newInstance(ctx));
            }
        }
        return fallback.create(cls);
    }
}
