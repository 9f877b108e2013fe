package org.brightpaint.features.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.LabelImage;
import org.junit.jupiter.api.Test;

class AreaShapeTest {

  static LabelImage disk(int size, double cx, double cy, double r) {
    int[] l = new int[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
          l[y * size + x] = 1;
        }
      }
    }
    return LabelImage.of(size, size, l);
  }

  @Test
  void threeByThreeSquareHasExactValues() {
    int[] l = new int[25];
    for (int y = 1; y <= 3; y++) {
      for (int x = 1; x <= 3; x++) {
        l[y * 5 + x] = 1;
      }
    }
    FeatureSet f = AreaShape.measure(LabelImage.of(5, 5, l));
    assertEquals(9, f.get("AreaShape_Area")[0]);
    assertEquals(8, f.get("AreaShape_Perimeter")[0], 1e-12);
    assertEquals(4 * Math.PI * 9 / 64, f.get("AreaShape_FormFactor")[0], 1e-12);
    assertEquals(1, f.get("AreaShape_Solidity")[0], 1e-12);
    assertEquals(1, f.get("AreaShape_Extent")[0], 1e-12);
    assertEquals(1, f.get("AreaShape_EulerNumber")[0]);
    assertEquals(0, f.get("AreaShape_Eccentricity")[0], 1e-12);
    assertEquals(1, f.get("AreaShape_BoundingBoxMinimum_X")[0]);
    assertEquals(4, f.get("AreaShape_BoundingBoxMaximum_X")[0]);
    assertEquals(2, f.get("AreaShape_Center_X")[0], 1e-12);
    assertEquals(2, f.get("AreaShape_MaximumRadius")[0], 1e-12);
    assertEquals(1, f.get("AreaShape_MedianRadius")[0], 1e-12);
    assertEquals(Math.sqrt(8), f.get("AreaShape_MaxFeretDiameter")[0], 1e-12);
    assertEquals(2, f.get("AreaShape_MinFeretDiameter")[0], 1e-12);
    // second moments of a 3x3 square: var = 2/3 on each axis -> axes 4 sqrt(2/3)
    assertEquals(4 * Math.sqrt(2.0 / 3), f.get("AreaShape_MajorAxisLength")[0], 1e-12);
    assertEquals(54, f.names().size());
  }

  @Test
  void diskMatchesContinuousGeometry() {
    double r = 20;
    FeatureSet f = AreaShape.measure(disk(61, 30, 30, r));
    double area = f.get("AreaShape_Area")[0];
    assertEquals(Math.PI * r * r, area, 0.01 * Math.PI * r * r);
    // scikit-image's 4-neighbourhood estimator overestimates a digital circle by a few percent
    double perimeter = f.get("AreaShape_Perimeter")[0];
    assertTrue(perimeter >= 2 * Math.PI * r && perimeter <= 1.07 * 2 * Math.PI * r, "perimeter " + perimeter);
    double formFactor = f.get("AreaShape_FormFactor")[0];
    assertEquals(4 * Math.PI * area / (perimeter * perimeter), formFactor, 1e-12);
    assertTrue(formFactor > 0.85 && formFactor <= 1.0, "form factor " + formFactor);
    assertEquals(0, f.get("AreaShape_Eccentricity")[0], 0.05);
    assertEquals(2 * r, f.get("AreaShape_MaxFeretDiameter")[0], 1e-9);
    assertEquals(1.0, f.get("AreaShape_Solidity")[0], 0.03);
    // Zernike of a filled disk: Z00 = A / (pi r^2) ~ 1; every m > 0 vanishes by symmetry
    assertEquals(area / (Math.PI * r * r), f.get("AreaShape_Zernike_0_0")[0], 1e-9);
    for (int[] nm : Zernike.indices(9)) {
      if (nm[1] > 0 && nm[1] % 4 != 0) {
        assertEquals(0, f.get("AreaShape_Zernike_" + nm[0] + "_" + nm[1])[0], 1e-9, "Zernike " + nm[0] + "_" + nm[1]);
      }
    }
    // R_20 = 2 rho^2 - 1 integrates to 0 over the unit disk
    assertTrue(f.get("AreaShape_Zernike_2_0")[0] < 0.02);
  }

  @Test
  void ringHasEulerNumberZero() {
    int[] l = new int[25];
    for (int y = 1; y <= 3; y++) {
      for (int x = 1; x <= 3; x++) {
        l[y * 5 + x] = (x == 2 && y == 2) ? 0 : 1;
      }
    }
    assertEquals(0, AreaShape.measure(LabelImage.of(5, 5, l)).get("AreaShape_EulerNumber")[0]);
  }

  @Test
  void onePixelObjectAndLabelGaps() {
    int[] l = new int[16];
    l[5] = 1;
    l[10] = 3; // label 2 is a gap
    FeatureSet f = AreaShape.measure(new LabelImage(4, 4, l, 3));
    assertEquals(3, f.objectCount());
    assertEquals(1, f.get("AreaShape_Area")[0]);
    assertEquals(0, f.get("AreaShape_Perimeter")[0]);
    assertTrue(Double.isNaN(f.get("AreaShape_FormFactor")[0]));
    assertTrue(Double.isNaN(f.get("AreaShape_Zernike_0_0")[0]));
    assertEquals(0, f.get("AreaShape_Area")[1]);
    assertTrue(Double.isNaN(f.get("AreaShape_Perimeter")[1]));
    assertEquals(1, f.get("AreaShape_Area")[2]);
  }

  @Test
  void noObjectsGiveEmptyColumns() {
    FeatureSet f = AreaShape.measure(new LabelImage(3, 3, new int[9], 0));
    assertEquals(0, f.objectCount());
    assertEquals(AreaShape.names(), f.names());
  }
}
