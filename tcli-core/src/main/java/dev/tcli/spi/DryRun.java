package dev.tcli.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a verb does with {@code --dry-run} ("print what would be sent; send nothing"), declared on
 * the verb's class and enforced by the kernel before the verb runs: a verb that does not honour
 * the flag is refused with exit 2 instead of silently doing the real thing. A verb without this
 * annotation (e.g. in an older plugin jar) counts as {@link Support#REFUSED}.
 *
 * <pre>{@code
 * @DryRun(DryRun.Support.HONOURED)
 * @Command(name = "ack", ...)
 * public final class AckCommand implements Callable<Integer> { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DryRun {
    Support value();

    /** For {@link Support#REFUSED}: why, ending the kernel's one-line refusal. */
    String why() default "";

    enum Support {
        /** The verb only reads (listings, searches, help): it runs as usual under --dry-run. */
        READ_ONLY,
        /** The verb changes something and, under --dry-run, prints the request or the change and changes nothing. */
        HONOURED,
        /** The verb cannot say what it would do without doing it: the kernel refuses --dry-run with exit 2. */
        REFUSED
    }
}
