package org.connectverify.core.report;

import java.io.IOException;
import java.io.Writer;
import org.connectverify.core.Report;

/** Renders a report in one format. Implementations are small, pure and stateless. */
public interface Reporter {
  void write(Report report, Writer out) throws IOException;
}
