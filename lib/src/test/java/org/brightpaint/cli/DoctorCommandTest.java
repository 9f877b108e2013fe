package org.brightpaint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DoctorCommandTest {

  @Test
  void helpListsDoctor() {
    StringWriter sw = new StringWriter();
    CommandLine cl = new CommandLine(new Brightpaint());
    cl.setOut(new PrintWriter(sw));
    assertEquals(0, cl.execute("--help"));
    assertTrue(sw.toString().contains("doctor"), sw.toString());
    assertTrue(sw.toString().contains("version"), sw.toString());
  }
}
