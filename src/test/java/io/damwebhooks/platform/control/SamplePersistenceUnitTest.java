package io.damwebhooks.platform.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A DAM that embeds the service as a WAR overlay keeps both persistence units in its own
 * persistence.xml (the overlay's file loses to it): the sample DAM's copy of the {@code webhooks}
 * unit must be the service's, or the sample tests an application no DAM would build.
 */
class SamplePersistenceUnitTest {

    @Test
    void theSampleDamCarriesTheServicesPersistenceUnitAsItIs() throws Exception {
        Element ours = unit(Path.of("src/main/resources/META-INF/persistence.xml"), "webhooks");
        Element sample = unit(Path.of("examples/dam/src/main/resources/META-INF/persistence.xml"), "webhooks");
        assertTrue(ours.isEqualNode(sample),
                "copy the <persistence-unit name=\"webhooks\"> of src/main/resources/META-INF/persistence.xml into examples/dam's");
    }

    private static Element unit(Path file, String name) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setIgnoringComments(true);
        Element root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        NodeList units = root.getElementsByTagNameNS("*", "persistence-unit");
        for (int i = 0; i < units.getLength(); i++) {
            Element unit = (Element) units.item(i);
            if (name.equals(unit.getAttribute("name"))) {
                stripWhitespace(unit);
                return unit;
            }
        }
        throw new AssertionError("no persistence unit " + name + " in " + file);
    }

    private static void stripWhitespace(Node node) {
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) node.removeChild(child);
            else stripWhitespace(child);
            child = next;
        }
    }
}
