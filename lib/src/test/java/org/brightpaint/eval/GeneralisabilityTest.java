package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class GeneralisabilityTest {

  /** 10 test images per line; in-line SSIM 0.8 + i/100, cross-line SSIM 0.6 + i/100 + i^2/10^4 (untied differences). */
  static Table perImage() {
    Table t = Table.create("per_image", StringColumn.create("train_line"), StringColumn.create("test_line"),
        StringColumn.create("image"), DoubleColumn.create("mse"), DoubleColumn.create("psnr"), DoubleColumn.create("ssim"),
        DoubleColumn.create("cells_real"), DoubleColumn.create("cells_pred"));
    for (String train : new String[] {"A549", "U2OS"}) {
      for (String test : new String[] {"A549", "U2OS"}) {
        boolean in = train.equals(test);
        for (int i = 0; i < 10; i++) {
          t.stringColumn("train_line").append(train);
          t.stringColumn("test_line").append(test);
          t.stringColumn("image").append(test + "-" + i);
          t.doubleColumn("mse").append((in ? 0.01 : 0.02) + i / 1000.0);
          t.doubleColumn("psnr").append((in ? 25 : 20) + i / 10.0);
          t.doubleColumn("ssim").append((in ? 0.8 : 0.6 + i * i / 10000.0) + i / 100.0);
          t.doubleColumn("cells_real").append(100 + 10 * i);
          t.doubleColumn("cells_pred").append(in ? 100 + 10 * i : 150 + (i % 3) * 20 + i);
        }
      }
    }
    return t;
  }

  @Test
  void matricesDropsAndPairedTests() {
    Generalisability g = Generalisability.of(perImage());
    assertEquals(java.util.List.of("A549", "U2OS"), g.lines());
    double[][] ssim = g.matrices().get("ssim");
    assertEquals(0.845, ssim[0][0], 1e-12);
    assertEquals(0.645 + 0.00285, ssim[0][1], 1e-12); // sum i^2 = 285
    assertEquals(1.0, g.matrices().get("count_r")[1][1], 1e-12);
    Table t = g.tests();
    Table ssimA = t.where(t.stringColumn("metric").isEqualTo("ssim").and(t.stringColumn("test_line").isEqualTo("A549")));
    assertEquals((0.845 - 0.64785) / 0.845, ssimA.doubleColumn("relative_drop").get(0), 1e-12);
    assertTrue(ssimA.stringColumn("test").get(0).startsWith("Wilcoxon"));
    // 10 untied positive differences: exact two-sided p = 2 / 2^10
    assertEquals(2.0 / 1024, ssimA.doubleColumn("p").get(0), 1e-12);
    Table countA = t.where(t.stringColumn("metric").isEqualTo("count_r").and(t.stringColumn("test_line").isEqualTo("A549")));
    assertTrue(countA.doubleColumn("relative_drop").get(0) > 0.05, "cell counting drops across lines");
    assertNotNull(g.heatmap("ssim", "UNet"));
  }

  @Test
  void missingColumnIsNamed() {
    Table t = perImage().removeColumns("cells_pred");
    var e = assertThrows(IllegalArgumentException.class, () -> Generalisability.of(t));
    assertTrue(e.getMessage().contains("cells_pred"));
  }
}
