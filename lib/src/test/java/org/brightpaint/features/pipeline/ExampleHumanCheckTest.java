package org.brightpaint.features.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The golden check: the examplehuman preset on CellProfiler's ExampleHuman image against
 * CellProfiler 4.0.6's own numbers (fixture in {@code src/main/resources/fixtures/example-human}).
 */
class ExampleHumanCheckTest {

  @Test
  void matchesCellProfiler406() {
    ExampleHumanCheck.Result r = ExampleHumanCheck.run();
    System.out.println(r.summary());
    // Pinned at the precision the README states (counts exact, thresholds to 5 decimals,
    // every nucleus matched, r = 1.0000 to 4 decimals, cells' r to 3 decimals).
    assertEquals(289, r.cpNuclei());
    assertEquals(289, r.ourNuclei(), "Count_Nuclei");
    assertEquals(289, r.ourCells(), "Count_Cells");
    assertEquals(0.09860, r.cpNucleiThreshold(), 5e-6, "CellProfiler's nuclei threshold");
    assertEquals(0.09235, r.cpCellsThreshold(), 5e-6, "CellProfiler's cells threshold");
    assertEquals(0.09860, r.ourNucleiThreshold(), 5e-6, "nuclei threshold");
    assertEquals(0.09235, r.ourCellsThreshold(), 5e-6, "cells threshold");
    assertEquals(1.0, r.matchedFraction(), 0.0, "289 of 289 nuclei matched");
    for (String f : List.of("AreaShape_Area", "AreaShape_Perimeter", "AreaShape_FormFactor",
        "AreaShape_Eccentricity", "AreaShape_Solidity", "Intensity_MeanIntensity_DNA",
        "Intensity_IntegratedIntensity_DNA", "Intensity_LowerQuartileIntensity_DNA",
        "Intensity_MedianIntensity_DNA", "Intensity_UpperQuartileIntensity_DNA")) {
      assertTrue(r.correlations().get(f) >= 0.99995, f + " r = " + r.correlations().get(f));
    }
    // cells (Propagation): README states r = 0.990 for Area
    assertTrue(r.cellCorrelations().get("AreaShape_Area") >= 0.9895, "cell area r = " + r.cellCorrelations());
  }
}
