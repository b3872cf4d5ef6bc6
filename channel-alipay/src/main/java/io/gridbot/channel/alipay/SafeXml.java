package io.gridbot.channel.alipay;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Reads the flat XML of a service window message ({@code <XML><AppId>..</AppId>...</XML>}) into its
 * fields. Documents with a DOCTYPE or entity declarations are refused before parsing, and the
 * parser itself forbids them too.
 */
final class SafeXml {

  /**
   * Configured once: looking up and configuring a JAXP factory per message is costly. Factories are
   * not thread-safe, so builders are made under its lock (a builder serves one message).
   */
  private static final DocumentBuilderFactory FACTORY = factory();

  private SafeXml() {}

  /**
   * The root element's child elements by name, their text trimmed.
   *
   * @throws InvalidAlipayRequest when the XML declares a DOCTYPE or entities, or is malformed
   */
  static Map<String, String> fields(String xml) {
    if (xml == null || xml.isBlank()) {
      throw new InvalidAlipayRequest("biz_content is empty");
    }
    String upper = xml.toUpperCase(java.util.Locale.ROOT);
    if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
      throw new InvalidAlipayRequest("XML with a DOCTYPE or entities is refused");
    }
    Element root;
    try {
      DocumentBuilder builder;
      synchronized (FACTORY) {
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setErrorHandler(null);
      root = builder.parse(new InputSource(new StringReader(xml.strip()))).getDocumentElement();
    } catch (Exception e) {
      throw new InvalidAlipayRequest("biz_content is not well-formed XML");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        fields.putIfAbsent(e.getTagName(), e.getTextContent().strip());
      }
    }
    return fields;
  }

  /** Escapes text for an XML element. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static DocumentBuilderFactory factory() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      return f;
    } catch (ParserConfigurationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
