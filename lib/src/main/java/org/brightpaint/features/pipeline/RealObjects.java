package org.brightpaint.features.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * "Real objects" profiling: predicted stains measured inside the REAL image's objects, so that
 * object i of every prediction is the same cell as object i of the real image.
 *
 * <p>The real site is segmented and measured by {@link SiteProfiler#profile(SiteImages,
 * ProfileSettings)} (nuclei, cells, cytoplasm); each prediction of the same site is then measured
 * by {@link SiteProfiler#measure} with those label images (discarded neighbours are not re-used:
 * {@code withDiscarded} = the kept labels). Shape, neighbour and object-centre features of a
 * prediction are therefore the real cell's own; only the stain-dependent features (Intensity,
 * Texture, Granularity, RadialDistribution, Correlation, intensity-weighted Location) carry the
 * prediction. No plate illumination functions are applied, to the real image or the predictions
 * (the same for both). The alternative, re-segmenting each prediction and matching cells by
 * centroid ({@code eval.CellMatcher}), measures the prediction's own objects.
 *
 * @param labels the real site's objects per compartment
 * @param real the real site's features per compartment
 * @param predicted per prediction, its features in the real objects, per compartment
 */
public record RealObjects(Map<Compartment, LabelImage> labels, Map<Compartment, FeatureSet> real,
    List<Map<Compartment, FeatureSet>> predicted) {

  /** Copies. */
  public RealObjects {
    labels = Map.copyOf(labels);
    real = Map.copyOf(real);
    predicted = List.copyOf(predicted);
  }

  /**
   * @param real the real site (every image of {@link ProfileSettings#requiredImages()})
   * @param predictions predictions of the same site, same size, with every measured image
   * @param settings the pipeline
   * @return the real objects, the real features and each prediction's features in those objects
   * @throws IllegalArgumentException when a prediction's size differs from the real site's
   */
  public static RealObjects profile(SiteImages real, List<SiteImages> predictions, ProfileSettings settings) {
    SiteProfile rp = SiteProfiler.profile(real, settings);
    List<Map<Compartment, FeatureSet>> out = new ArrayList<>();
    for (SiteImages p : predictions) {
      if (p.width() != real.width() || p.height() != real.height()) {
        throw new IllegalArgumentException("Prediction " + p.metadata() + " is " + p.width() + " x " + p.height()
            + ", the real site " + real.width() + " x " + real.height() + ": real objects need the same size");
      }
      Map<String, FloatImage> images = new LinkedHashMap<>();
      for (String name : settings.requiredImages()) {
        images.put(name, p.image(name));
      }
      out.add(SiteProfiler.measure(images, rp.labels(), rp.labels(), settings, new LinkedHashMap<>()));
    }
    return new RealObjects(rp.labels(), rp.features(), out);
  }
}
