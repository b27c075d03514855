package lockstep.check;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The sandbox table: what a submission's classes may not refer to, and why. The first rule that matches a reference
 * decides; a reference to a class outside the JDK and outside {@code exercises} breaks {@link #OUTSIDE_JDK}.
 */
final class SandboxRules {

    /** The bootstrap methods javac emits for lambdas, method references, string concatenation, records, switches. */
    static final Set<String> ALLOWED_BOOTSTRAPS = Set.of(
            "java/lang/invoke/LambdaMetafactory.metafactory",
            "java/lang/invoke/LambdaMetafactory.altMetafactory",
            "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
            "java/lang/invoke/StringConcatFactory.makeConcat",
            "java/lang/runtime/ObjectMethods.bootstrap",
            "java/lang/runtime/SwitchBootstraps.typeSwitch",
            "java/lang/runtime/SwitchBootstraps.enumSwitch");

    /** The rules, in the order they are tried. */
    static final List<SandboxRule> RULES = List.of(
            rule("exit", "a submission may not end the JVM (the grader would lose your results); remove the call"
                            + " and return or throw an exception instead",
                    "java.lang.System#exit", "java.lang.Runtime#exit", "java.lang.Runtime#halt"),
            rule("process", "a submission may not start or control other programs; do the work in Java threads",
                    "java.lang.Runtime#exec", "java.lang.ProcessBuilder", "java.lang.Process",
                    "java.lang.ProcessHandle", "java.awt.Desktop"),
            rule("class_loader", "a submission may not load classes or resources itself; the grader loads your"
                            + " classes, and your code can use them directly",
                    "java.lang.ClassLoader", "java.security.SecureClassLoader", "java.net.URLClassLoader",
                    "java.util.ServiceLoader", "java.lang.Class#getClassLoader", "java.lang.Class#getResource*",
                    "java.lang.Thread#getContextClassLoader", "java.lang.Thread#setContextClassLoader"),
            rule("reflection", "reflection is not allowed: call your methods and use your fields directly (for"
                            + " lock-free updates use java.util.concurrent.atomic, not VarHandle)",
                    Set.of(ReferenceKind.BOOTSTRAP),
                    "java.lang.reflect.*", "java.lang.invoke.*", "java.beans.*", "java.lang.Module",
                    "java.lang.ModuleLayer", "java.lang.Class#forName", "java.lang.Class#getDeclared*",
                    "java.lang.Class#getMethod*", "java.lang.Class#getField*", "java.lang.Class#getConstructor*",
                    "java.lang.Class#newInstance", "java.lang.Class#getRecordComponents",
                    "java.lang.Class#getEnclosingMethod", "java.lang.Class#getEnclosingConstructor",
                    "java.lang.Class#getModule"),
            rule("file_io", "a submission may not read or write files; keep your data in memory (fields,"
                            + " collections) and print with System.out",
                    "java.io.File", "java.io.FileInputStream", "java.io.FileOutputStream", "java.io.FileReader",
                    "java.io.FileWriter", "java.io.FileDescriptor", "java.io.RandomAccessFile",
                    "java.io.FilePermission", "java.nio.file.*", "java.nio.channels.*",
                    "java.io.PrintStream#<init>(Ljava/lang/String;", "java.io.PrintWriter#<init>(Ljava/lang/String;",
                    "java.util.Formatter#<init>(Ljava/lang/String;", "java.util.zip.ZipFile", "java.util.jar.JarFile",
                    "java.util.logging.FileHandler", "java.util.prefs.*"),
            rule("network", "a submission may not use the network or remote services; everything the task needs"
                            + " runs in this JVM",
                    "java.net.*", "javax.net.*", "java.rmi.*", "javax.rmi.*", "javax.naming.*", "java.sql.*",
                    "javax.sql.*", "java.util.logging.SocketHandler"),
            // Doors to files, URLs and code that name no file or reflection API: an XSLT stylesheet calls any Java
            // method (Runtime.exec, System.exit), XInclude and external entities read any file, a transformation
            // writes to any URI; a Swing text pane loads any URL, UIManager instantiates classes by name.
            rule("xml", "the XML APIs are not allowed: they read and write files and URLs and run Java code named in"
                            + " a stylesheet; keep your data in Java objects",
                    "javax.xml.*", "org.xml.*", "org.w3c.*"),
            rule("desktop", "the desktop APIs (AWT, Swing, images, sound, printing) are not allowed: they load"
                            + " files, URLs and classes by name, and a grader has no screen; print with System.out",
                    "java.awt.*", "javax.swing.*", "javax.imageio.*", "javax.sound.*", "javax.print.*",
                    "java.applet.*"),
            rule("native_code", "native code is not allowed; write everything in Java",
                    Set.of(ReferenceKind.NATIVE),
                    "java.lang.System#load", "java.lang.System#loadLibrary", "java.lang.Runtime#load",
                    "java.lang.Runtime#loadLibrary"),
            rule("jdk_internal", "the JDK's internal and vendor APIs (sun.*, jdk.*, com.sun.*) are off limits; use"
                            + " the standard java.* API",
                    "sun.*", "jdk.*", "com.sun.*"),
            rule("thread_control", "Thread.stop, suspend and resume are unsafe (they can leave locks held and data"
                            + " half-written); let the thread finish on its own, for example when it sees a flag"
                            + " or Thread.interrupted()",
                    "java.lang.Thread#stop", "java.lang.Thread#suspend", "java.lang.Thread#resume",
                    "java.lang.ThreadGroup#stop", "java.lang.ThreadGroup#suspend", "java.lang.ThreadGroup#resume"),
            rule("jvm_state", "a submission may not change the JVM's shared settings (standard streams, system"
                            + " properties, logging, the security manager) or read its environment: the grader's"
                            + " tests share them",
                    "java.lang.System#setOut", "java.lang.System#setErr", "java.lang.System#setIn",
                    // The console writes to the JVM's real standard output, which the test JVM keeps for the grader.
                    "java.lang.System#console", "java.io.Console",
                    "java.lang.System#setProperty", "java.lang.System#setProperties",
                    // The live Properties object: setProperty and put on it change what the grader reads.
                    "java.lang.System#getProperties",
                    "java.lang.System#clearProperty", "java.lang.System#getenv",
                    "java.lang.System#setSecurityManager",
                    // Configured from a string, logging opens files of any name and instantiates classes by name.
                    "java.util.logging.LogManager"),
            rule("shutdown_hook", "a submission may not add or remove shutdown hooks: they would run inside the"
                            + " grader while the JVM ends; join your threads instead",
                    "java.lang.Runtime#addShutdownHook", "java.lang.Runtime#removeShutdownHook"),
            rule("jvm_control", "a submission may not inspect or control the JVM itself (management, instrumentation,"
                            + " scripting, the compiler); use threads and java.util.concurrent",
                    "java.lang.management.*", "javax.management.*", "java.lang.instrument.*", "javax.script.*",
                    "javax.tools.*"));

    /** The rule for a class that is neither the JDK's nor the submission's own. */
    static final SandboxRule OUTSIDE_JDK = new SandboxRule("outside_jdk", "a submission may use only the JDK and its"
            + " own classes in package exercises", List.of(), Set.of());

    private SandboxRules() {
    }

    private static SandboxRule rule(String id, String reason, String... apis) {
        return rule(id, reason, Set.of(), apis);
    }

    private static SandboxRule rule(String id, String reason, Set<ReferenceKind> kinds, String... apis) {
        return new SandboxRule(id, reason, Arrays.stream(apis).map(ForbiddenApi::parse).toList(), kinds);
    }
}
