/**
 * Startup speed: everything tcli does only so that a command answers at once, in one place.
 * None of it changes what a command does; each piece falls back to the plain way (picocli,
 * {@code ServiceLoader}, rendering the help) whenever it cannot be sure. The numbers are from
 * docs/performance.md (JDK 25 with the AOT cache, 2-core machine, medians).
 *
 * <table>
 * <caption>The pieces and what each buys</caption>
 * <tr><th>piece</th><th>skips</th><th>worth</th></tr>
 * <tr><td>{@link dev.tcli.core.startup.QuickScan} + {@link dev.tcli.core.startup.GlobalOption}</td>
 *     <td>picocli's model of the root command for the first read (global options, module name)</td>
 *     <td>exec plugins 130 → 96 ms</td></tr>
 * <tr><td>{@link dev.tcli.core.startup.HelpTextCache}</td>
 *     <td>rendering {@code tcli --help}'s usage through picocli on every run</td>
 *     <td>{@code --help} 124 → 86 ms</td></tr>
 * <tr><td>{@link dev.tcli.core.startup.ModuleTree}</td>
 *     <td>building the module's other verbs: only the named one is attached</td>
 *     <td>module tree ≈ 30 → 2.5 ms; sandbox incidents −15 to −18 ms</td></tr>
 * <tr><td>{@link dev.tcli.core.startup.ModuleIndex} ({@code lib/MODULES})</td>
 *     <td>the {@code ServiceLoader} pass over every jar and instantiating every module</td>
 *     <td>15–20 ms of a start; exec plugin 83.4 → 73.0 ms</td></tr>
 * </table>
 *
 * <p>Elsewhere, because they belong there:
 * <ul>
 *   <li>{@code tcli-dist/src/main/dist/bin/tcli}, the launcher: picks the JDK (cached choice),
 *       passes {@code TCLI_TTY} and {@code -Dpicocli.usage.width} (no console probe, ≈ 10 ms),
 *       and chooses one of four startup caches (AOT on JDK 25, AppCDS on 17–24) by the kind of
 *       run: the cache is worth 12% on {@code --help} and 55% on a verb, four small ones instead
 *       of one big one +27% time and +19 MB on {@code --help}. Its {@code run_profile} loop reads
 *       the global options once more; {@code GlobalGrammarTest} checks it against
 *       {@code GlobalOptions} like {@link dev.tcli.core.startup.GlobalOption}.
 *   <li>{@code dev.tcli.dist.Train}: the training runs the caches are made from.
 *   <li>{@code dev.tcli.exec.LauncherHandoff}: the launcher execs an exec plugin itself, no JVM
 *       waiting beside it ({@code tcli hi} 73.4 → 62.6 ms, then 53.6 with the exec cache).
 *   <li>{@code dev.tcli.core.Main} ends with {@code Runtime.halt}: {@code System.exit} starts
 *       {@code java.util.logging} on JDK 21+ (hello-world 25.5 vs 34.2 ms).
 *   <li>{@code dev.tcli.core.RunServices}: HTTP, the renderer and the journal are made on first
 *       use, so {@code --help} loads no Jackson, OkHttp or logback class.
 * </ul>
 *
 * <p>The global options are declared once, as picocli {@code @Option}s in
 * {@code dev.tcli.core.GlobalOptions}: help, parsing after the module name, man pages and
 * completion come from there. The two fast readers (this package's {@code QuickScan}, the
 * launcher's loop) cannot afford picocli's model, so they carry the spellings themselves and
 * {@code GlobalGrammarTest} fails the build when either disagrees with the declaration.
 * {@code scripts/bench --check} guards the speed.
 */
package dev.tcli.core.startup;
