package org.brightpaint.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertiesTextTest {

  @Test
  void sameEntriesGiveTheSameBytesWithoutADateAndReadBack() throws IOException {
    Properties a = new Properties();
    a.setProperty("zeta", "1");
    a.setProperty("alpha", "a=b:c \u00e9");
    a.setProperty("mid", "");
    Properties b = new Properties();
    b.setProperty("mid", "");
    b.setProperty("alpha", "a=b:c \u00e9");
    b.setProperty("zeta", "1");
    String text = PropertiesText.of(a, "brightpaint test");
    assertEquals(text, PropertiesText.of(b, "brightpaint test"), "insertion order must not matter");
    String[] lines = text.split("\n");
    assertEquals("#brightpaint test", lines[0]);
    assertEquals(4, lines.length, text);
    assertFalse(lines[1].startsWith("#"), "no date line: " + text);
    assertEquals("alpha", lines[1].substring(0, 5));
    assertEquals("zeta=1", lines[3]);
    Properties back = new Properties();
    back.load(new StringReader(text));
    assertEquals(a, back);
  }
}
