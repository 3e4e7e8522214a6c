package org.connectverify.core.report;

import static org.connectverify.core.report.SampleReports.assertGolden;
import static org.connectverify.core.report.SampleReports.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.connectverify.core.FailOn;
import org.connectverify.core.Finding;
import org.connectverify.core.Position;
import org.connectverify.core.Report;
import org.connectverify.core.Severity;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReporterTest {

  @Test
  void outputMatchesGolden() throws Exception {
    assertGolden("junit.xml", render(new JunitReporter(SampleReports.settings().build()), SampleReports.findings()));
  }

  @Test
  void parsesBackWithOneSuitePerFileAndOneCasePerRule() throws Exception {
    Document doc = parse(render(new JunitReporter(SampleReports.settings().build()), SampleReports.findings()));
    Element root = doc.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals("9", root.getAttribute("tests"));
    assertEquals("3", root.getAttribute("failures"));
    NodeList suites = root.getElementsByTagName("testsuite");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < suites.getLength(); i++) {
      Element s = (Element) suites.item(i);
      names.add(s.getAttribute("name") + " " + s.getAttribute("tests") + "/" + s.getAttribute("failures"));
      assertEquals(
          s.getElementsByTagName("testcase").getLength(), Integer.parseInt(s.getAttribute("tests")), "tests count");
    }
    assertEquals(
        List.of("app/atlassian-connect.json 4/2", "broken/atlassian-connect.json 4/1", "app/i18n/en_US.json 1/0"),
        names);
  }

  @Test
  void failureTextCarriesTheCanonicalLinesAndWarningsBelowTheThresholdPass() throws Exception {
    Document doc = parse(render(new JunitReporter(SampleReports.settings().build()), SampleReports.findings()));
    Element dup = testcase(doc, "app/atlassian-connect.json", "json/duplicate-key");
    Element failure = (Element) dup.getElementsByTagName("failure").item(0);
    String canonical = SampleReports.findings().findings().get(1).toString();
    assertTrue(canonical.contains("[json/duplicate-key]"), canonical);
    assertEquals(canonical, failure.getAttribute("message"));
    assertTrue(failure.getTextContent().startsWith(canonical + "\n"), failure.getTextContent());
    Element key = testcase(doc, "app/atlassian-connect.json", "app/key-length");
    assertEquals(0, key.getElementsByTagName("failure").getLength());
    assertTrue(key.getElementsByTagName("system-out").item(0).getTextContent().contains("[app/key-length]"));
  }

  @Test
  void charactersXmlCannotCarryAreReplacedNotEmitted() throws Exception {
    Finding f =
        new Finding("json/syntax", Severity.ERROR, new Position("a.json", 1, 1, ""), "bad \u0001 byte & <tag>", null,
            List.of());
    Report r =
        new Report("9.9.9", List.of(new Report.Checked("a.json", null, null, null)), List.of(f), FailOn.ERROR, List.of());
    Document doc = parse(render(new JunitReporter(SampleReports.settings().build()), r));
    Element c = testcase(doc, "a.json", "json/syntax");
    assertTrue(c.getElementsByTagName("failure").item(0).getTextContent().contains("bad \uFFFD byte & <tag>"));
  }

  private static Element testcase(Document doc, String file, String rule) {
    NodeList cases = doc.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      if (c.getAttribute("file").equals(file) && c.getAttribute("name").equals(rule)) {
        return c;
      }
    }
    throw new AssertionError("no testcase " + file + " " + rule);
  }

  /** The JDK's own parser, hardened as a CI server's would be. */
  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
