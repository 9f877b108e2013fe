package org.brightpaint.features.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;
import org.junit.jupiter.api.Test;

/**
 * Golden values from {@code golden.txt}, produced by {@code make_golden.py} (same resource folder)
 * with Debian's python3: numpy 1.24.2, scipy 1.10.1, scikit-image 0.19.3 — line-by-line ports of
 * CellProfiler 4.0.6 granularity and colocalization code on scipy.ndimage/skimage, scikit-image's
 * GLCM properties for texture, scipy EDT + skimage MCP_Geometric for radial distribution, and a
 * port of MeasureObjectNeighbors (scipy binary_dilation, centrosome outline). A 64 x 48 image pair
 * (16-bit values / 65535) with four objects (one with a hole); a 50 x 40 layout of nine touching
 * Voronoi cells for the neighbours.
 */
class GoldenTest {
  record Golden(FloatImage a, FloatImage b, LabelImage labels, LabelImage neighborLabels, List<String[]> rows) {}

  static Golden load() throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        GoldenTest.class.getResourceAsStream("golden.txt"), StandardCharsets.UTF_8))) {
      int w = 0;
      int h = 0;
      float[] a = null;
      float[] b = null;
      int[] lab = null;
      int nw = 0;
      int nh = 0;
      int[] nlab = null;
      List<String[]> rows = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] t = line.trim().split(" ");
        switch (t[0]) {
          case "size" -> {
            w = Integer.parseInt(t[1]);
            h = Integer.parseInt(t[2]);
          }
          case "A", "B" -> {
            float[] px = new float[w * h];
            for (int i = 0; i < px.length; i++) {
              px[i] = (float) (Integer.parseInt(t[i + 1]) / 65535.0);
            }
            if (t[0].equals("A")) {
              a = px;
            } else {
              b = px;
            }
          }
          case "labels" -> {
            lab = new int[w * h];
            for (int i = 0; i < lab.length; i++) {
              lab[i] = Integer.parseInt(t[i + 1]);
            }
          }
          case "nsize" -> {
            nw = Integer.parseInt(t[1]);
            nh = Integer.parseInt(t[2]);
          }
          case "nlabels" -> {
            nlab = new int[nw * nh];
            for (int i = 0; i < nlab.length; i++) {
              nlab[i] = Integer.parseInt(t[i + 1]);
            }
          }
          default -> rows.add(t);
        }
      }
      return new Golden(new FloatImage(w, h, a), new FloatImage(w, h, b), LabelImage.of(w, h, lab),
          LabelImage.of(nw, nh, nlab), rows);
    }
  }

  static void close(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
  }

  @Test
  void granularityMatchesCellProfilerPort() throws IOException {
    Golden g = load();
    Granularity.Result r = Granularity.measure(g.a(), "A", List.of(g.labels()), new Granularity.Options(0.5, 0.5, 4, 16));
    int checked = 0;
    for (String[] t : g.rows()) {
      if (t[0].startsWith("Granularity_")) {
        close(Double.parseDouble(t[1]), r.image().get(t[0])[0], t[0] + " image");
        for (int o = 0; o < 4; o++) {
          close(Double.parseDouble(t[2 + o]), r.objects().get(0).get(t[0])[o], t[0] + " object " + (o + 1));
        }
        checked++;
      }
    }
    assertEquals(16, checked);
  }

  @Test
  void colocalizationMatchesCellProfilerPort() throws IOException {
    Golden g = load();
    FeatureSet fs = Colocalization.measurePair(g.a(), "A", g.b(), "B", g.labels(), Colocalization.Options.cpjump1());
    Map<String, String> names = new LinkedHashMap<>();
    names.put("Correlation", "Correlation_Correlation_A_B");
    names.put("Overlap", "Correlation_Overlap_A_B");
    names.put("K_AB", "Correlation_K_A_B");
    names.put("K_BA", "Correlation_K_B_A");
    names.put("Manders_AB", "Correlation_Manders_A_B");
    names.put("Manders_BA", "Correlation_Manders_B_A");
    names.put("RWC_AB", "Correlation_RWC_A_B");
    names.put("RWC_BA", "Correlation_RWC_B_A");
    int checked = 0;
    for (String[] t : g.rows()) {
      if (t[0].equals("coloc")) {
        for (int o = 0; o < 4; o++) {
          close(Double.parseDouble(t[2 + o]), fs.get(names.get(t[1]))[o], t[1] + " object " + (o + 1));
        }
        checked++;
      }
    }
    assertEquals(8, checked);
  }

  @Test
  void textureMatchesScikitImageGlcmProperties() throws IOException {
    Golden g = load();
    FeatureSet fs = Texture.measure(g.a(), "A", g.labels(), new Texture.Options(List.of(1, 3), 256, false));
    int checked = 0;
    for (String[] t : g.rows()) {
      if (t[0].equals("texture")) {
        String name = FeatureNames.texture(t[1], "A", Integer.parseInt(t[2]), Integer.parseInt(t[3]), 256);
        for (int o = 0; o < 4; o++) {
          close(Double.parseDouble(t[4 + o]), fs.get(name)[o], name + " object " + (o + 1));
        }
        checked++;
      }
    }
    assertEquals(32, checked);
  }

  /**
   * Costes' thresholds (from the whole 64 x 48 images) and coefficients per object, against the
   * port of CellProfiler's {@code linear_costes} / {@code bisection_costes} in make_golden.py
   * (scale 65535, as CellProfiler's 16-bit images).
   */
  @Test
  void costesMatchesCellProfilerPort() throws IOException {
    Golden g = load();
    int checked = 0;
    for (String[] t : g.rows()) {
      if (t[0].equals("costes")) {
        Costes.Method m = switch (t[1]) {
          case "Faster" -> Costes.Method.FASTER;
          case "Fast" -> Costes.Method.FAST;
          default -> Costes.Method.ACCURATE;
        };
        Costes.Thresholds th = Costes.thresholds(g.a().pixels(), g.b().pixels(), 65535, m);
        assertEquals(Double.parseDouble(t[2]), th.first(), 1e-15, t[1] + " threshold A");
        assertEquals(Double.parseDouble(t[3]), th.second(), 1e-12, t[1] + " threshold B");
        FeatureSet fs = Colocalization.measurePair(g.a(), "A", g.b(), "B", g.labels(),
            new Colocalization.Options(15, m, 65535));
        for (int o = 0; o < 4; o++) {
          close(Double.parseDouble(t[4 + o]), fs.get("Correlation_Costes_A_B")[o], t[1] + " C1 object " + (o + 1));
          close(Double.parseDouble(t[9 + o]), fs.get("Correlation_Costes_B_A")[o], t[1] + " C2 object " + (o + 1));
        }
        assertEquals(10, fs.names().size(), "8 columns + 2 Costes");
        checked++;
      }
    }
    assertEquals(3, checked);
  }

  @Test
  void radialDistributionMatchesScipyReference() throws IOException {
    Golden g = load();
    FeatureSet fs = RadialDistribution.measure(g.a(), "A", g.labels(), RadialDistribution.Options.cpjump1());
    int checked = 0;
    for (String[] t : g.rows()) {
      if (t[0].equals("radial")) {
        String template = switch (t[1]) {
          case "FracAtD" -> FeatureNames.FRAC_AT_D;
          case "MeanFrac" -> FeatureNames.MEAN_FRAC;
          default -> FeatureNames.RADIAL_CV;
        };
        String name = FeatureNames.radial(template, "A", Integer.parseInt(t[2]), 4);
        for (int o = 0; o < 4; o++) {
          close(Double.parseDouble(t[3 + o]), fs.get(name)[o], name + " object " + (o + 1));
        }
        checked++;
      }
    }
    assertEquals(12, checked);
  }

  @Test
  void neighborsMatchCellProfilerPort() throws IOException {
    Golden g = load();
    int checked = 0;
    for (String[] t : g.rows()) {
      if (t[0].equals("neighbors")) {
        int d = Integer.parseInt(t[2]);
        FeatureSet fs = Neighbors.measure(g.neighborLabels(), Neighbors.Options.within(d));
        String name = FeatureNames.neighbors(t[1], Integer.toString(d));
        for (int o = 0; o < 9; o++) {
          close(Double.parseDouble(t[3 + o]), fs.get(name)[o], name + " object " + (o + 1));
        }
        checked++;
      }
    }
    assertEquals(14, checked);
  }
}
