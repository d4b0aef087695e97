package dev.tcli.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.TcliHarness;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java plugin of {@code examples/hello-java-plugin}, built the way its pom would build it
 * (its sources compiled against tcli's classes, its resources copied, one jar) and dropped into
 * {@code $XDG_DATA_HOME/tcli/plugins/}: proves the guide in docs/plugins.md works as written.
 */
class JavaPluginExampleTest {
    @TempDir
    Path tmp;
    TcliHarness t;
    Path pluginDir;

    @BeforeEach
    void setUp() throws Exception {
        t = new TcliHarness(tmp);
        t.env("XDG_DATA_HOME", tmp.resolve("data").toString());
        pluginDir = Files.createDirectories(tmp.resolve("data/tcli/plugins"));
        buildExample(pluginDir.resolve("hello-java.jar"));
    }

    static Path exampleDir() {
        // surefire runs in plugins-exec/; the example sits at the repository root
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("examples/hello-java-plugin");
        assertTrue(Files.isDirectory(dir), "example project missing: " + dir);
        return dir;
    }

    /** javac + jar, the two steps of 'mvn package' that matter. */
    private void buildExample(Path jar) throws IOException {
        Path project = exampleDir();
        Path classes = Files.createDirectories(tmp.resolve("example-classes"));
        List<String> sources;
        try (Stream<Path> s = Files.walk(project.resolve("src/main/java"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests need a JDK, not a JRE");
        StringWriter diagnostics = new StringWriter();
        List<String> options = List.of("--release", "17", "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), "-Xlint:all", "-Werror");
        boolean ok = javac.getTask(diagnostics, null, null, options, null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjectsFromStrings(sources)).call();
        assertTrue(ok, "the example does not compile:\n" + diagnostics);

        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            for (Path root : List.of(classes, project.resolve("src/main/resources"))) {
                try (Stream<Path> s = Files.walk(root)) {
                    for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                        j.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                        Files.copy(f, j);
                        j.closeEntry();
                    }
                }
            }
        }
    }

    private static void jar(Path jar, String entry, String text) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry(entry));
            j.write(text.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
    }

    @Test
    void theJarIsListedUnderPluginsJar() {
        var r = t.run("--help");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("Plugins (jar):\n"), r.toString());
        assertTrue(r.stdout().matches("(?s).*Plugins \\(jar\\):\n  hello-java +Example Java plugin: greets whoever is on call\n.*"),
                r.toString());
        assertEquals("", r.stderr(), r.toString());
    }

    @Test
    void theJarRunsWithItsArgumentsAndTheGlobalOptions() {
        var r = t.run("hello-java", "--shout", "On Call");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("HELLO, ON CALL!"), r.toString());

        var json = t.run("-o", "json", "hello-java", "Alex");
        assertEquals(0, json.exit(), json.toString());
        assertEquals("Hello, Alex!", json.json().path("greeting").asText(), json.toString());
        assertEquals("Alex", json.json().path("name").asText(), json.toString());

        var user = t.run("hello-java", "-o", "json");
        assertEquals("tester", user.json().path("name").asText(), user.toString());
    }

    @Test
    void theJarHasHelpWithExamplesAndRejectsBadInput() {
        var help = t.run("hello-java", "--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.stdout().contains("Examples:"), help.toString());
        assertTrue(help.stdout().contains("--shout"), help.toString());

        var bad = t.run("hello-java", "--loud");
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.stderr().contains("--loud"), bad.toString());

        var noUser = t.env("USER", null).run("hello-java");
        assertEquals(2, noUser.exit(), noUser.toString());
        assertEquals("tcli: no NAME given and $USER is not set: try 'tcli hello-java Alex'\n", noUser.stderr());
    }

    @Test
    void brokenJarsAreReportedAndTheOthersStillLoad() throws IOException {
        Path garbage = pluginDir.resolve("garbage.jar");
        Files.write(garbage, "this is not a zip file\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8));
        Path missing = pluginDir.resolve("missing-class.jar");
        jar(missing, "META-INF/services/dev.tcli.spi.TcliModule", "com.example.DoesNotExist\n");
        Path empty = pluginDir.resolve("no-module.jar");
        jar(empty, "README.txt", "no services here\n");

        var help = t.run("--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.stdout().contains("  hello-java "), help.toString());
        assertTrue(help.stderr().contains("warning: plugin jar " + garbage), help.toString());
        assertTrue(help.stderr().contains("warning: plugin jar " + missing + " failed to load"), help.toString());
        assertTrue(help.stderr().contains("com.example.DoesNotExist"), help.toString());
        assertTrue(help.stderr().contains("warning: plugin jar " + empty + " provides no tcli module"), help.toString());

        var run = t.run("hello-java", "Alex");
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.stdout().contains("Hello, Alex!"), run.toString());
    }

    @Test
    void aJarAndAPathPluginAreListedSideBySide() {
        Path bin = tmp.resolve("bin");
        t.env("PATH", Scripts.path(bin));
        Scripts.executable(bin, "tcli-hello", "# tcli-description: Say hello from the shell\necho hi\n");
        Scripts.executable(bin, "tcli-hello-java", "echo impostor\n");
        var help = t.run("--help");
        assertTrue(help.stdout().matches("(?s).*Plugins \\(jar\\):\n  hello-java .*Plugins \\(PATH\\):\n  hello +Say hello from the shell\n.*"),
                help.toString());
        assertTrue(help.stderr().contains(bin.resolve("tcli-hello-java") + " is shadowed by the jar module 'hello-java'"),
                help.toString());
        assertTrue(t.run("hello-java", "Alex").stdout().contains("Hello, Alex!"));
    }
}
