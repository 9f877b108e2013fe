package org.brightpaint.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuickstartTest {

  @Test
  void histogramOfAKnownImage() {
    BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY);
    img.getRaster().setSamples(0, 0, 2, 2, 0, new int[] {0, 32767, 32768, 65535});
    assertArrayEquals(new long[] {2, 2}, Quickstart.histogram(img, 2));
    assertArrayEquals(new long[] {1, 1, 1, 1}, Quickstart.histogram(img, 4));
    assertThrows(IllegalArgumentException.class, () -> Quickstart.histogram(img, 0));
  }

  @Test
  void nucleiFieldHasBackgroundAndBrightSpots() {
    BufferedImage img = Quickstart.nuclei(48, 48);
    int[] s = img.getRaster().getSamples(0, 0, 48, 48, 0, new int[48 * 48]);
    assertEquals(BufferedImage.TYPE_USHORT_GRAY, img.getType());
    assertEquals(2000, Arrays.stream(s).min().orElseThrow(), 300);
    assertEquals(true, Arrays.stream(s).max().orElseThrow() > 40000);
    assertEquals(48L * 48, Arrays.stream(Quickstart.histogram(img, 32)).sum());
  }

  @Test
  void channelTableHasEveryChannel() {
    assertEquals(8, Quickstart.channels().rowCount());
    assertEquals("Mito", Quickstart.channels().stringColumn("CellProfiler name").get(0));
  }
}
