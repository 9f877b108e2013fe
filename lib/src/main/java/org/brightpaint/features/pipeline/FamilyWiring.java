package org.brightpaint.features.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.features.measure.Colocalization;
import org.brightpaint.features.measure.Granularity;
import org.brightpaint.features.measure.Neighbors;
import org.brightpaint.features.measure.ObjectIndex;
import org.brightpaint.features.measure.RadialDistribution;
import org.brightpaint.features.measure.Texture;
import org.brightpaint.features.segment.PrimaryObjects;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * Connects the texture, granularity, colocalization, radial-distribution and neighbour families
 * to the pipeline: one measurement task per (compartment, image), per compartment for
 * colocalization (all image pairs) and per neighbour rule. Granularity's spectrum is computed once
 * per image for all compartments, the objects' upsampling weights once for all images ({@link
 * #granularity}).
 */
final class FamilyWiring {

  private FamilyWiring() {}

  /**
   * Granularity of every measured image for all three compartments at once.
   *
   * @param images measured images
   * @param indexes the compartments, indexed
   * @param s settings
   * @return image name to result (object sets in {@link Compartment} order)
   */
  static Map<String, Granularity.Result> granularity(
      Map<String, FloatImage> images, Map<Compartment, ObjectIndex> indexes, ProfileSettings s) {
    Map<String, Granularity.Result> out = new LinkedHashMap<>();
    if (!s.families().contains(MeasurementFamily.GRANULARITY)) {
      return out;
    }
    ProfileSettings.MeasurementSettings m = s.measurements();
    Granularity.Options o = new Granularity.Options(m.granularitySubsample(), m.granularityBackgroundSubsample(),
        m.granularityRadius(), m.granularitySpectrum());
    List<ObjectIndex> sets = new ArrayList<>();
    for (Compartment c : Compartment.values()) {
      if (indexes.containsKey(c)) {
        sets.add(indexes.get(c));
      }
    }
    Granularity.Objects objects = Granularity.Objects.ofIndexes(sets, o);
    List<Map.Entry<String, Granularity.Result>> results = s.measuredImages().parallelStream()
        .map(name -> Map.entry(name, Granularity.measure(images.get(name), name, objects, o))).toList();
    results.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /**
   * Measurement tasks of the families other than AreaShape and Intensity for one compartment, in
   * {@link MeasurementFamily} order.
   *
   * @param c the compartment
   * @param images image name to image
   * @param indexes the compartments, indexed
   * @param labels the compartments
   * @param withDiscarded per compartment, the labels including the discarded objects that take part
   *     as neighbours (numbered after the kept ones; for nuclei see {@link #nucleiWithDiscarded})
   * @param granularity precomputed granularity
   * @param grey each measured image quantised for texture (when the settings measure texture)
   * @param s settings
   * @return tasks
   */
  static List<Supplier<FeatureSet>> tasks(
      Compartment c, Map<String, FloatImage> images, Map<Compartment, ObjectIndex> indexes,
      Map<Compartment, LabelImage> labels,
      Map<Compartment, LabelImage> withDiscarded, Map<String, Granularity.Result> granularity,
      Map<String, Texture.Grey> grey, ProfileSettings s) {
    List<Supplier<FeatureSet>> t = new ArrayList<>();
    LabelImage l = labels.get(c);
    ProfileSettings.MeasurementSettings m = s.measurements();
    for (MeasurementFamily f : s.families()) {
      switch (f) {
        case AREA_SHAPE, INTENSITY -> { }
        case TEXTURE -> {
          Texture.Options o = new Texture.Options(m.textureScales(), m.textureGrayLevels(), true);
          // the objects' pixels are grouped once for every channel
          Texture.Objects objects = Texture.Objects.of(indexes.get(c));
          for (String name : s.measuredImages()) {
            t.add(() -> Texture.measure(grey.get(name), name, objects, o));
          }
        }
        case GRANULARITY -> {
          for (String name : s.measuredImages()) {
            // the label sets were passed in Compartment order, skipping absent ones
            int index = (int) labels.keySet().stream().filter(k -> k.ordinal() < c.ordinal()).count();
            t.add(() -> granularity.get(name).objects().get(index));
          }
        }
        case COLOCALIZATION -> {
          Map<String, FloatImage> ordered = new LinkedHashMap<>();
          for (String name : s.measuredImages()) {
            ordered.put(name, images.get(name));
          }
          if (ordered.size() >= 2) {
            Colocalization.Options o = new Colocalization.Options(m.colocalizationThresholdPercent(),
                m.colocalizationCostes(), m.costesImageScale());
            t.add(() -> Colocalization.measure(ordered, indexes.get(c), o));
          }
        }
        case RADIAL_DISTRIBUTION -> {
          RadialDistribution.Options o = new RadialDistribution.Options(m.radialBins());
          // one task for all channels: the centres (a whole-image sort) are computed once
          Map<String, FloatImage> ordered = new LinkedHashMap<>();
          for (String name : s.measuredImages()) {
            ordered.put(name, images.get(name));
          }
          t.add(() -> RadialDistribution.measure(ordered, indexes.get(c), o));
        }
        case NEIGHBORS -> {
          for (NeighborRule rule : m.neighbors()) {
            if (rule.compartment() == c) {
              Neighbors.Options o = rule.adjacent() ? Neighbors.Options.adjacent() : Neighbors.Options.within(rule.distance());
              LabelImage all = withDiscarded.getOrDefault(c, l);
              t.add(() -> Neighbors.measure(l, all, o));
            }
          }
        }
        default -> throw new IllegalStateException("Unhandled family " + f);
      }
    }
    return t;
  }

  /**
   * The nuclei that MeasureObjectNeighbors sees with "Consider objects discarded for touching image
   * border: Yes": the kept nuclei plus the objects of CellProfiler's {@code
   * small_removed_segmented} that were not kept, i.e. only the nuclei dropped for being too
   * large. Objects touching the border and objects too small are not in that set
   * (CellProfiler 4.0.6 {@code measureobjectneighbors.py} {@code run}: {@code labels =
   * objects.small_removed_segmented}, {@code neighbor_labels =
   * neighbor_objects.small_removed_segmented}; {@code identifyprimaryobjects.py} builds it after
   * {@code filter_on_border} and after removing small objects in {@code filter_on_size}).
   *
   * @param nuclei the primary objects
   * @return labels for {@link org.brightpaint.features.measure.Neighbors#measure(LabelImage,
   *     LabelImage, org.brightpaint.features.measure.Neighbors.Options)}
   */
  static LabelImage nucleiWithDiscarded(PrimaryObjects.Result nuclei) {
    return withDiscarded(nuclei.labels(), nuclei.smallRemoved());
  }

  /**
   * Kept objects plus discarded ones numbered after them.
   *
   * @param kept the final objects {@code 1..n}
   * @param all every object before filtering (own numbering)
   * @return labels where kept objects keep their numbers and each discarded object of {@code all}
   *     gets {@code n + 1, n + 2, ...}
   */
  static LabelImage withDiscarded(LabelImage kept, LabelImage all) {
    int n = kept.count();
    int[] k = kept.labels();
    int[] a = all.labels();
    int[] map = new int[all.count() + 1];
    boolean[] isKept = new boolean[all.count() + 1];
    for (int i = 0; i < k.length; i++) {
      if (k[i] != 0 && a[i] != 0) {
        isKept[a[i]] = true;
      }
    }
    int next = n;
    int[] out = k.clone();
    for (int i = 0; i < a.length; i++) {
      int l = a[i];
      if (k[i] == 0 && l != 0 && !isKept[l]) {
        if (map[l] == 0) {
          map[l] = ++next;
        }
        out[i] = map[l];
      }
    }
    return new LabelImage(kept.width(), kept.height(), out, next);
  }
}
