package org.brightpaint.features.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brightpaint.features.pipeline.ProfileSettings;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.Test;

/**
 * The {@code nuclei} preset does not over-split large or elongated nuclei and still separates
 * touching round ones, at any size (the neck rule is scale-free).
 */
class NeckMergeTest {

  /** Bright ellipses (value 0.6) on a dim background (0.1); each row: cx, cy, semi-axis a (x), b (y). */
  static FloatImage ellipses(int w, int h, double[][] shapes) {
    float[] p = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float v = 0.1f;
        for (double[] s : shapes) {
          double dx = (x - s[0]) / s[2];
          double dy = (y - s[1]) / s[3];
          if (dx * dx + dy * dy <= 1) {
            v = 0.6f;
          }
        }
        p[y * w + x] = v;
      }
    }
    return new FloatImage(w, h, p);
  }

  static int count(FloatImage im, PrimaryObjects.Options o) {
    return PrimaryObjects.identify(im, o).labels().count();
  }

  static PrimaryObjects.Options withoutNeckRule(PrimaryObjects.Options n) {
    return new PrimaryObjects.Options(n.minDiameter(), n.maxDiameter(), n.discardOutsideRange(), n.discardBorder(),
        n.unclump(), n.dividingLines(), n.smoothingFilterSize(), n.maximaSuppression(), n.fillHoles(), n.threshold(),
        Double.NaN);
  }

  @Test
  void largeElongatedNucleusStaysOneObjectAtEverySize() {
    PrimaryObjects.Options nuclei = ProfileSettings.preset("nuclei").nuclei();
    for (double scale : new double[] {0.5, 1, 2.5}) {
      int w = (int) (200 * scale);
      int h = (int) (100 * scale);
      FloatImage im = ellipses(w, h, new double[][] {{w / 2.0, h / 2.0, 70 * scale, 28 * scale}});
      assertEquals(1, count(im, nuclei), "ellipse at scale " + scale);
      // CellProfiler's rule alone (suppression min / 1.5 = 4 px) cuts the same nucleus into pieces
      assertTrue(count(im, withoutNeckRule(nuclei)) > 1, "CellProfiler's rule at scale " + scale);
    }
  }

  @Test
  void touchingRoundNucleiStayApartAtEverySize() {
    PrimaryObjects.Options nuclei = ProfileSettings.preset("nuclei").nuclei();
    for (double scale : new double[] {0.5, 1, 2.5}) {
      int w = (int) (200 * scale);
      int h = (int) (100 * scale);
      double r = 30 * scale;
      // centres 1.7 r apart: the neck is 2 sqrt(r^2 - (0.85 r)^2) = 1.05 r wide, half-width 0.53 r
      FloatImage im = ellipses(w, h, new double[][] {{w / 2.0 - 0.85 * r, h / 2.0, r, r},
          {w / 2.0 + 0.85 * r, h / 2.0, r, r}});
      assertEquals(2, count(im, nuclei), "two disks at scale " + scale);
    }
  }

  @Test
  void mergesAcrossAWideNeckOnlyAndVisitsTheWidestFirst() {
    // 1 x 7 strip: pieces 1 | 2 | 3 with distances peaking at 3 (piece 2); the 1-2 line has
    // saddle min(2, 3) = 2, the 2-3 line saddle min(3, 1) = 1
    int[] pieces = {1, 1, 2, 2, 2, 3, 3};
    float[] d = {1, 2, 3, 3, 3, 1, 1};
    // ratio 0.9: 1-2 needs 2 >= 0.9 * min(2, 3) = 1.8: merge; then {1,2}-3 needs 1 >= 0.9 * min(3, 1): merge
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1}, NeckMerge.merge(pieces, d, 7, 1, 0.9));
    float[] d2 = {1, 1.5f, 3, 3, 3, 2, 2};
    // widest first: 2-3 saddle min(3, 2) = 2 >= 0.9 * min(3, 2) = 1.8: merge;
    // then 1-{2,3} saddle min(1.5, 3) = 1.5 >= 0.9 * min(1.5, 3) = 1.35: merge
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1}, NeckMerge.merge(pieces, d2, 7, 1, 0.9));
    float[] d3 = {3, 3, 1, 1, 1, 3, 3};
    // both saddles are 1 (ties by pair): 1-2: 1 >= 0.9 * min(3, 1) = 0.9, merge (piece 2 is a thin
    // bridge); then {1,2}-3: 1 < 0.9 * min(3, 3) = 2.7, a narrow neck: stays apart
    assertArrayEquals(new int[] {1, 1, 1, 1, 1, 3, 3}, NeckMerge.merge(pieces, d3, 7, 1, 0.9));
  }
}
