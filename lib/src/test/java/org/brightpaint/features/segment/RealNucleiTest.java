package org.brightpaint.features.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.features.ops.Labels;
import org.brightpaint.features.pipeline.ProfileSettings;
import org.brightpaint.features.pipeline.NucleiProfiling;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;
import org.junit.jupiter.api.Test;

/**
 * The {@code nuclei} preset on the seven real nuclei images of {@code shared/fixtures/real-nuclei}
 * (BBBC039 U2OS Hoechst and S-BSST265 DAPI, hand-drawn instance labels): F1 at IoU 0.5, objects
 * touching the border removed from both prediction and truth, next to the scikit-image baseline
 * (Gaussian sigma 1, Li, fill holes, remove &lt; 30 px, distance-transform watershed) scored the
 * same way. The baseline table {@code /real-nuclei/skimage-baseline.csv} was made by
 * {@code python3 environment/reference/nuclei_baseline.py ../shared/fixtures/real-nuclei}.
 */
class RealNucleiTest {

  static LabelImage withoutBorder(LabelImage l) {
    int[] px = l.labels().clone();
    Labels.clearBorder(px, l.width(), l.height());
    return LabelImage.of(l.width(), l.height(), px);
  }

  static Map<String, double[]> baseline() throws IOException {
    Map<String, double[]> out = new LinkedHashMap<>();
    try (InputStream in = RealNucleiTest.class.getResourceAsStream("/real-nuclei/skimage-baseline.csv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",");
        out.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[4])});
      }
    }
    return out;
  }

  @Test
  void nucleiPresetMatchesOrBeatsScikitImageOnEveryRealImage() throws IOException {
    Path dir = NucleiProfiling.realNucleiFixtures();
    Map<String, double[]> base = baseline();
    assertEquals(7, base.size());
    ProfileSettings nuclei = ProfileSettings.preset("nuclei");
    StringBuilder table = new StringBuilder("| image | truth | nuclei preset: found | F1 | scikit-image Li: found | F1 |\n");
    table.append("| --- | --- | --- | --- | --- | --- |\n");
    List<String> worse = new java.util.ArrayList<>();
    for (Map.Entry<String, double[]> e : base.entrySet()) {
      String name = e.getKey();
      Path file = dir.resolve(name + ".tif");
      FloatImage image = NucleiProfiling.readScaled(file);
      LabelImage truth = withoutBorder(NucleiProfiling.readLabels(dir.resolve(name + "-labels.tif")));
      LabelImage found = withoutBorder(PrimaryObjects.identify(image, nuclei.nuclei()).labels());
      SegmentationMatch.Score s = SegmentationMatch.score(found, truth, 0.5);
      assertEquals(e.getValue()[1], s.truth(), "truth count of " + name);
      table.append(String.format("| %s | %d | %d | %.3f | %d | %.3f |%n", name, s.truth(), s.predicted(), s.f1(),
          (int) e.getValue()[0], e.getValue()[2]));
      if (s.f1() < e.getValue()[2]) {
        worse.add(name);
      }
    }
    System.out.print(table);
    assertTrue(worse.isEmpty(), "nuclei preset below the scikit-image baseline on " + worse + "\n" + table);
  }
}
