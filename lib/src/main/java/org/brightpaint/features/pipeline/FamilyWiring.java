package org.brightpaint.features.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * Connects the texture, granularity, colocalization, radial-distribution and neighbour families
 * to the pipeline: one measurement task per (compartment, image) or image pair.
 */
final class FamilyWiring {

  private FamilyWiring() {}

  static List<Supplier<FeatureSet>> tasks(
      Compartment c, Map<String, FloatImage> images, Map<Compartment, LabelImage> labels, ProfileSettings s) {
    List<Supplier<FeatureSet>> t = new ArrayList<>();
    for (MeasurementFamily f : s.families()) {
      switch (f) {
        case AREA_SHAPE, INTENSITY -> { }
        default -> throw new UnsupportedOperationException(
            "Measurement family " + f + " is not wired into the pipeline yet");
      }
    }
    return t;
  }
}
