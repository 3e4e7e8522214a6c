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
  void parsesBackWithOneSuitePerFileAndOneCasePerFinding() throws Exception {
    Document doc = parse(render(new JunitReporter(SampleReports.settings().build()), SampleReports.findings()));
    Element root = doc.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals("6", root.getAttribute("tests"));
    assertEquals("3", root.getAttribute("failures"));
    NodeList suites = root.getElementsByTagName("testsuite");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < suites.getLength(); i++) {
      Element s = (Element) suites.item(i);
      names.add(s.getAttribute("name") + " " + s.getAttribute("tests") + "/" + s.getAttribute("failures"));
      assertEquals(
          s.getElementsByTagName("testcase").getLength(), Integer.parseInt(s.getAttribute("tests")), "tests count");
    }
    // app: 3 findings + json/encoding ran clean; broken (unreadable): its one finding, no rule reported as passed.
    assertEquals(
        List.of("app/atlassian-connect.json 4/2", "broken/atlassian-connect.json 1/1", "app/i18n/en_US.json 1/0"),
        names);
    testcase(doc, "app/atlassian-connect.json", "json/encoding");
    testcase(doc, "broken/atlassian-connect.json", "json/encoding (file)");
  }

  @Test
  void severalFindingsOfOneRuleAreSeparateTestsNamedByPointer() throws Exception {
    Finding a =
        new Finding("json/duplicate-key", Severity.ERROR, new Position("a.json", 2, 3, "/name"), "twice", null,
            List.of());
    Finding b =
        new Finding("json/duplicate-key", Severity.ERROR, new Position("a.json", 5, 3, "/key"), "twice", null,
            List.of());
    Finding c =
        new Finding("json/duplicate-key", Severity.ERROR, new Position("a.json", 6, 3, "/key"), "again", null,
            List.of());
    Report r =
        new Report(
            "9.9.9",
            List.of(new Report.Checked("a.json", org.connectverify.core.Product.JIRA, "x", "k")),
            List.of(a, b, c),
            FailOn.ERROR,
            List.of());
    Document doc = parse(render(new JunitReporter(SampleReports.settings().build()), r));
    assertTrue(
        testcase(doc, "a.json", "json/duplicate-key /name").getElementsByTagName("failure").item(0)
            .getTextContent().contains("a.json:2:3"));
    assertTrue(
        testcase(doc, "a.json", "json/duplicate-key /key").getElementsByTagName("failure").item(0)
            .getTextContent().contains("a.json:5:3"));
    assertTrue(
        testcase(doc, "a.json", "json/duplicate-key /key #2").getElementsByTagName("failure").item(0)
            .getTextContent().contains("a.json:6:3"));
  }

  @Test
  void failureTextCarriesTheCanonicalLinesAndWarningsBelowTheThresholdPass() throws Exception {
    Document doc = parse(render(new JunitReporter(SampleReports.settings().build()), SampleReports.findings()));
    Element dup = testcase(doc, "app/atlassian-connect.json", "json/duplicate-key /name");
    Element failure = (Element) dup.getElementsByTagName("failure").item(0);
    String canonical = SampleReports.findings().findings().get(1).toString();
    assertTrue(canonical.contains("[json/duplicate-key]"), canonical);
    assertEquals(canonical, failure.getAttribute("message"));
    assertTrue(failure.getTextContent().startsWith(canonical + "\n"), failure.getTextContent());
    Element key = testcase(doc, "app/atlassian-connect.json", "app/key-length /key");
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
    Element c = testcase(doc, "a.json", "json/syntax line 1");
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
