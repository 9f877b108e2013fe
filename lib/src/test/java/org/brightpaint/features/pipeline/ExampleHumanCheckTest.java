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
    assertEquals(289, r.cpNuclei());
    assertTrue(Math.abs(r.ourNuclei() - 289) <= 0.03 * 289, "Count_Nuclei " + r.ourNuclei());
    assertTrue(Math.abs(r.ourCells() - 289) <= 0.03 * 289, "Count_Cells " + r.ourCells());
    assertEquals(r.cpNucleiThreshold(), r.ourNucleiThreshold(), 0.02 * r.cpNucleiThreshold(), "nuclei threshold");
    assertEquals(r.cpCellsThreshold(), r.ourCellsThreshold(), 0.02 * r.cpCellsThreshold(), "cells threshold");
    assertTrue(r.matchedFraction() >= 0.9, "matched fraction " + r.matchedFraction());
    for (String f : List.of("AreaShape_Area", "AreaShape_Perimeter", "AreaShape_FormFactor",
        "AreaShape_Eccentricity", "AreaShape_Solidity", "Intensity_MeanIntensity_DNA",
        "Intensity_IntegratedIntensity_DNA", "Intensity_LowerQuartileIntensity_DNA",
        "Intensity_MedianIntensity_DNA", "Intensity_UpperQuartileIntensity_DNA")) {
      assertTrue(r.correlations().get(f) >= 0.98, f + " r = " + r.correlations().get(f));
    }
  }
}
