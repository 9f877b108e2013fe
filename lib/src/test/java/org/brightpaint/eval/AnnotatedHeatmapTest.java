package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 10, observation 6: fixed colour range, values in cells, first row on top, NaN drawn empty. */
class AnnotatedHeatmapTest {

  @Test
  void writesAFixedRangeValuesAndTheDiagonalFromTopLeft() {
    String js = AnnotatedHeatmap.of(List.of("test A549", "test U2OS"), List.of("train A549", "train U2OS"),
        new double[][] {{0.5, Double.NaN}, {0.25, 0.75}},
        new AnnotatedHeatmap.Options("t", "test cell line", "training cell line", "ssim", 0, 1, 3, 300, 400)).asJavascript("d1");
    assertTrue(js.contains("z: [[0.5, null], [0.25, 0.75]]"), js);
    assertTrue(js.contains("zmin: 0.0, zmax: 1.0"), js);
    assertTrue(js.contains("texttemplate: '%{z:.3f}'"), js);
    assertTrue(js.contains("autorange: 'reversed'"), js);
    assertTrue(js.contains("title: {text: 'training cell line'}"), js);
    assertTrue(js.contains("document.getElementById('d1')"), js);
  }

  @Test
  void escapesLabels() {
    assertEquals("'a\\'b\\u003c'", AnnotatedHeatmap.string("a'b<"));
    assertThrows(IllegalArgumentException.class, () -> new AnnotatedHeatmap.Options("t", "x", "y", "c", 1, 1, 2, 1, 1));
  }
}
