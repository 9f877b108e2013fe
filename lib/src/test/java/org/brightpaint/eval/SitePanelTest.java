package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.brightpaint.benchmark.EvaluationTestAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, observation 6: a Figure 2-style panel, one intensity scale per channel across rows. */
class SitePanelTest {

  @Test
  void aPredictionEqualToRealLooksTheSameAndADimOneDarker(@TempDir Path tmp) throws Exception {
    EvaluationTestAccess.site(tmp.resolve("real/P1"), 1, 500, 1);
    EvaluationTestAccess.site(tmp.resolve("same/P1"), 1, 500, 1);
    EvaluationTestAccess.site(tmp.resolve("noisy/P1"), 1, 9000, 2);
    Map<String, Path> preds = new LinkedHashMap<>();
    preds.put("same", tmp.resolve("same"));
    preds.put("noisy", tmp.resolve("noisy"));
    BufferedImage p = SitePanel.of(tmp.resolve("real"), preds, 16);
    assertEquals(120 + 5 * 20, p.getWidth());
    assertEquals(44 + 3 * 20, p.getHeight());
    int x0 = 120, yReal = 44, ySame = 44 + 20, yNoisy = 44 + 40;
    boolean differs = false;
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        assertEquals(p.getRGB(x0 + x, yReal + y), p.getRGB(x0 + x, ySame + y), "same image, same scale");
        differs |= p.getRGB(x0 + x, yReal + y) != p.getRGB(x0 + x, yNoisy + y);
      }
    }
    assertTrue(differs);
    EvaluationTestAccess.site(tmp.resolve("other/P1"), 2, 500, 3); // a site the real folder does not have
    assertNull(SitePanel.of(tmp.resolve("real"), Map.of("other", tmp.resolve("other")), 16));
  }
}
