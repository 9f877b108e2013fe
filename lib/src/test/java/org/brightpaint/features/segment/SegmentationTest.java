package org.brightpaint.features.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brightpaint.features.ops.Labels;
import org.brightpaint.features.threshold.GlobalThreshold;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;
import org.junit.jupiter.api.Test;

class SegmentationTest {

  /** Two overlapping bright disks of radius 10 centred 16 px apart on a dark 80 x 50 field. */
  static FloatImage twoDisks() {
    int w = 80;
    int h = 50;
    float[] p = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double d1 = Math.hypot(x - 30, y - 25);
        double d2 = Math.hypot(x - 46, y - 25);
        if (d1 <= 10 || d2 <= 10) {
          p[y * w + x] = (float) (0.5 + 0.3 * Math.max(0, 1 - Math.min(d1, d2) / 10));
        } else {
          p[y * w + x] = 0.05f;
        }
      }
    }
    return new FloatImage(w, h, p);
  }

  static PrimaryObjects.Options options(DeclumpMethod m) {
    return new PrimaryObjects.Options(8, 40, true, true, m, m, Double.NaN, 7, FillHoles.AFTER_DECLUMPING,
        GlobalThreshold.Options.li(0, 1, 0, 1), Double.NaN);
  }

  @Test
  void watershedFloodsFromMarkersInsideTheMask() {
    float[] img = {0, 1, 2, 1, 0};
    int[] markers = {1, 0, 0, 0, 2};
    boolean[] mask = {true, true, true, true, true};
    int[] out = Watershed.flood(img, markers, mask, 5, 1, true);
    // the ridge pixel (value 2) goes to the label that reaches it first (1, pushed first)
    assertArrayEquals(new int[] {1, 1, 1, 2, 2}, out);
    mask[2] = false;
    assertEquals(0, Watershed.flood(img, markers, mask, 5, 1, true)[2]);
  }

  @Test
  void shapeDeclumpingSplitsTwoTouchingDisks() {
    PrimaryObjects.Result r = PrimaryObjects.identify(twoDisks(), options(DeclumpMethod.SHAPE));
    assertEquals(2, r.labels().count());
    assertEquals(1, r.labels().at(30, 25));
    assertEquals(2, r.labels().at(46, 25));
  }

  @Test
  void intensityDeclumpingSplitsTwoTouchingDisks() {
    PrimaryObjects.Result r = PrimaryObjects.identify(twoDisks(), options(DeclumpMethod.INTENSITY));
    assertEquals(2, r.labels().count());
  }

  @Test
  void withoutDeclumpingTheClumpIsOneObject() {
    PrimaryObjects.Result r = PrimaryObjects.identify(twoDisks(), options(DeclumpMethod.NONE));
    assertEquals(1, r.labels().count());
  }

  @Test
  void borderAndSizeFiltersRemoveObjects() {
    float[] p = new float[40 * 40];
    // a 3x3 speck (area 9 < pi 8^2 / 4) and a 10x10 square touching the left border
    for (int y = 20; y < 23; y++) {
      for (int x = 20; x < 23; x++) {
        p[y * 40 + x] = 1;
      }
    }
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        p[y * 40 + x] = 1;
      }
    }
    PrimaryObjects.Result r = PrimaryObjects.identify(new FloatImage(40, 40, p), options(DeclumpMethod.NONE));
    assertEquals(0, r.labels().count());
    assertEquals(2, r.unedited().count());
  }

  @Test
  void cellsGrowFromNucleiAndCytoplasmKeepsTheNucleusOutline() {
    FloatImage dna = twoDisks();
    PrimaryObjects.Result nuclei = PrimaryObjects.identify(dna, options(DeclumpMethod.SHAPE));
    float[] body = new float[dna.pixels().length];
    for (int y = 5; y < 45; y++) {
      for (int x = 10; x < 70; x++) {
        body[y * 80 + x] = 0.6f;
      }
    }
    FloatImage cellImage = new FloatImage(80, 50, body);
    for (SecondaryMethod m : SecondaryMethod.values()) {
      SecondaryObjects.Result cells = SecondaryObjects.identify(cellImage, nuclei,
          new SecondaryObjects.Options(m, 0.05, true, GlobalThreshold.Options.li(0, 1, 0, 1)));
      LabelImage c = cells.labels();
      assertEquals(2, c.count(), m.name());
      assertEquals(1, c.at(12, 10), m.name());
      assertEquals(2, c.at(67, 40), m.name());
      int[] areas = Labels.areas(c.labels(), 2);
      assertEquals(40 * 60, areas[1] + areas[2], m.name());
      LabelImage cyto = TertiaryObjects.subtract(c, nuclei.labels());
      // nucleus interior removed, nucleus outline kept
      assertEquals(0, cyto.at(30, 25));
      assertEquals(1, cyto.at(20, 25));
      assertTrue(Labels.areas(cyto.labels(), 2)[1] < areas[1]);
    }
  }

  @Test
  void fillHolesFillsOnlyEnclosedBackground() {
    int[] l = {
      1, 1, 1, 0,
      1, 0, 1, 0,
      1, 1, 1, 0,
      0, 0, 0, 0};
    int[] filled = Labels.fillHoles(l, 4, 4);
    assertEquals(1, filled[5]);
    assertEquals(0, filled[3]);
  }
}
