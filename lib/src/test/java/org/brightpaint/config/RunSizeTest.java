package org.brightpaint.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunSizeTest {

  @Test
  void parsesNamesCaseInsensitively() {
    assertEquals(RunSize.CI, RunSize.parse("ci"));
    assertEquals(RunSize.FULL, RunSize.parse(" FULL "));
  }

  @Test
  void paperSizeHasThePaperPreprocessingAndCiNetworks() {
    assertEquals(RunSize.PAPER_SIZE, RunSize.parse("paper-size"));
    assertEquals("paper-size", RunSize.PAPER_SIZE.label());
    assertEquals(512, org.brightpaint.data.Preprocessing.of(RunSize.PAPER_SIZE).outputSize());
    assertEquals(1080, org.brightpaint.data.synthetic.SyntheticOptions.of(RunSize.PAPER_SIZE).size());
    assertEquals(org.brightpaint.models.Preset.CI, org.brightpaint.models.Preset.of(RunSize.PAPER_SIZE));
    assertTrue(RunSize.PAPER_SIZE.bounded() && RunSize.CI.bounded() && !RunSize.FULL.bounded());
  }

  @Test
  void unknownSizeNamesTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RunSize.parse("huge"));
    assertTrue(e.getMessage().contains("'huge'"), e.getMessage());
  }

  @Test
  void propertyWinsOverDefault() {
    String old = System.getProperty(RunSize.PROPERTY);
    try {
      System.setProperty(RunSize.PROPERTY, "full");
      assertEquals(RunSize.FULL, RunSize.current());
    } finally {
      if (old == null) {
        System.clearProperty(RunSize.PROPERTY);
      } else {
        System.setProperty(RunSize.PROPERTY, old);
      }
    }
  }
}
