package org.brightpaint.features.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "same cells in every sample": predictions measured in the real image's objects keep
 * the real cells (count, order, shape) even when a prediction lacks a nucleus that
 * re-segmentation would then miss.
 */
class RealObjectsTest {

  @Test
  void predictionsAreMeasuredInTheRealCells() {
    SiteImages real = SiteProfilerTest.blobs();
    float[] dna = real.image("DNA").pixels().clone();
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        // halve the first nucleus, erase the second
        dna[y * 64 + x] = Math.hypot(x - 44, y - 40) <= 8 ? 0f : dna[y * 64 + x] / 2;
      }
    }
    SiteImages dim = SiteProfilerTest.site(new FloatImage(64, 64, dna), real.image("PH3"), real.image("cellbody"));
    ProfileSettings s = ProfileSettings.exampleHuman();
    RealObjects ro = RealObjects.profile(real, List.of(real, dim), s);

    assertEquals(2, ro.labels().get(Compartment.NUCLEI).count());
    assertEquals(1, SiteProfiler.profile(dim, s).count(Compartment.NUCLEI), "re-segmentation loses the erased nucleus");
    FeatureSet r = ro.real().get(Compartment.NUCLEI);
    FeatureSet same = ro.predicted().get(0).get(Compartment.NUCLEI);
    FeatureSet half = ro.predicted().get(1).get(Compartment.NUCLEI);
    assertEquals(2, half.objectCount());
    assertArrayEquals(r.get("Intensity_MeanIntensity_DNA"), same.get("Intensity_MeanIntensity_DNA"), 1e-12);
    assertArrayEquals(r.get("AreaShape_Area"), half.get("AreaShape_Area"), 1e-12);
    double[] m = r.get("Intensity_MeanIntensity_DNA");
    double[] h = half.get("Intensity_MeanIntensity_DNA");
    int first = ro.real().get(Compartment.NUCLEI).get("Location_Center_X")[0] < 30 ? 0 : 1;
    assertEquals(m[first] / 2, h[first], 1e-6);
    assertEquals(0.0, h[1 - first], 1e-9);
  }

  @Test
  void aPredictionOfAnotherSizeIsRefused() {
    SiteImages real = SiteProfilerTest.blobs();
    SiteImages small = new SiteImages(1, Map.of(), Map.of("DNA", FloatImage.zeros(32, 32), "PH3",
        FloatImage.zeros(32, 32), "cellbody", FloatImage.zeros(32, 32)));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> RealObjects.profile(real, List.of(small), ProfileSettings.exampleHuman()));
  }
}
