package org.brightpaint.features.pipeline;

import java.util.Map;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.LabelImage;

/**
 * Everything measured on one site.
 *
 * @param site the input (metadata and image number; images may be dropped by callers)
 * @param labels the objects of each compartment (object i of every compartment belongs to
 *     nucleus i)
 * @param features per-compartment features, names without compartment prefix
 * @param imageMeasurements per-image values (Count_*, Threshold_*), in column order
 */
public record SiteProfile(
    SiteImages site, Map<Compartment, LabelImage> labels, Map<Compartment, FeatureSet> features,
    Map<String, Double> imageMeasurements) {

  /**
   * @param c a compartment
   * @return its object count
   */
  public int count(Compartment c) {
    return labels.get(c).count();
  }
}
