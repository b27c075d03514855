package lockstep.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads, walks and writes Maven poms as DOM documents, keeping their layout: whitespace and comments survive, and an
 * element removed takes its indentation and the comment just above it along. No DTD or external entity is ever
 * loaded. Stateless and safe to call from any thread.
 */
final class PomXml {

    private PomXml() {
    }

    /** The pom at {@code file}, namespace-aware. */
    static Document read(Path file) throws IOException, TemplateException {
        try (InputStream in = Files.newInputStream(file)) {
            return builder().parse(in, file.toUri().toString());
        } catch (SAXParseException e) {
            throw new TemplateException(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                    + ": not well-formed XML: " + e.getMessage());
        } catch (SAXException e) {
            throw new TemplateException(file + ": not well-formed XML: " + e.getMessage());
        }
    }

    /** {@code pom} as text: the XML declaration on a line of its own, then the document as it was laid out. */
    static String write(Document pom) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter text = new StringWriter();
            text.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            transformer.transform(new DOMSource(pom), new StreamResult(text));
            return text.toString().endsWith("\n") ? text.toString() : text + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK's XML serializer failed on a parsed pom", e);
        }
    }

    /** The child elements of {@code parent}, in document order. */
    static List<Element> elements(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element) {
                found.add((Element) node);
            }
        }
        return found;
    }

    /** The child elements of {@code parent} named {@code name}, in document order. */
    static List<Element> children(Element parent, String name) {
        return elements(parent).stream().filter(element -> name.equals(element.getLocalName())).toList();
    }

    /** The first child element of {@code parent} named {@code name}. */
    static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The element at {@code path} (child names) below {@code parent}. */
    static Optional<Element> path(Element parent, String... path) {
        Optional<Element> at = Optional.of(parent);
        for (String name : path) {
            at = at.flatMap(element -> child(element, name));
        }
        return at;
    }

    /** The trimmed text of the child {@code name} of {@code parent}, or {@code fallback} where there is none. */
    static String text(Element parent, String name, String fallback) {
        return child(parent, name).map(element -> element.getTextContent().strip()).orElse(fallback);
    }

    /**
     * Removes {@code element}, the whitespace before it and a comment directly above it (one that only whitespace
     * separates from it), which describes the element and would be left describing nothing.
     */
    static void remove(Element element) {
        Node parent = element.getParentNode();
        Node before = element.getPreviousSibling();
        if (isBlank(before)) {
            Node comment = before.getPreviousSibling();
            parent.removeChild(before);
            if (comment != null && comment.getNodeType() == Node.COMMENT_NODE) {
                Node indent = comment.getPreviousSibling();
                parent.removeChild(comment);
                if (isBlank(indent)) {
                    parent.removeChild(indent);
                }
            }
        }
        parent.removeChild(element);
    }

    private static boolean isBlank(Node node) {
        return node != null && node.getNodeType() == Node.TEXT_NODE && node.getNodeValue().isBlank();
    }

    /** Reports a malformed pom through the exception alone, not also on standard error as the JDK's parser does. */
    private static final class QuietErrors implements ErrorHandler {

        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new QuietErrors());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }
}
