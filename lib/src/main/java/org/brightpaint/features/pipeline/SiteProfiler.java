package org.brightpaint.features.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.features.measure.AreaShape;
import org.brightpaint.features.measure.Intensity;
import org.brightpaint.features.measure.ObjectIndex;
import org.brightpaint.features.measure.ObjectRelations;
import org.brightpaint.features.measure.Texture;
import org.brightpaint.features.segment.PrimaryObjects;
import org.brightpaint.features.segment.SecondaryObjects;
import org.brightpaint.features.segment.TertiaryObjects;
import org.brightpaint.features.threshold.BackgroundIllumination;
import org.brightpaint.features.threshold.RegularIllumination;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * Runs a {@link ProfileSettings} pipeline on one site: illumination correction, nuclei, cells,
 * cytoplasm, then every measurement family on every compartment and measured image. Measurement
 * tasks run in parallel on the common fork-join pool; results are assembled in a fixed column
 * order.
 *
 * <p>Column order per compartment: {@code Number_Object_Number}, {@code Location_Center_X/Y/Z},
 * parent and children columns, AreaShape, then per measured image Intensity and Location, then the
 * other families in {@link MeasurementFamily} order.
 */
public final class SiteProfiler {

  private SiteProfiler() {}

  /**
   * Profiles one site without plate illumination functions.
   *
   * @param site the images (must contain {@link ProfileSettings#requiredImages()})
   * @param settings the pipeline
   * @return labels, features and image measurements
   */
  public static SiteProfile profile(SiteImages site, ProfileSettings settings) {
    return profile(site, settings, Map.of());
  }

  /**
   * Profiles one site.
   *
   * @param site the images
   * @param settings the pipeline
   * @param illumination per image name, an illumination function to divide by (images without
   *     one are used as they are)
   * @return labels, features and image measurements
   */
  public static SiteProfile profile(SiteImages site, ProfileSettings settings, Map<String, FloatImage> illumination) {
    Segmentation seg = segment(site, settings, illumination);
    Map<String, Double> imageGranularity = new LinkedHashMap<>();
    Map<Compartment, FeatureSet> features = measure(seg.images(), seg.labels(), seg.withDiscarded(), settings, imageGranularity);
    Map<String, Double> im = new LinkedHashMap<>(seg.imageMeasurements());
    im.putAll(imageGranularity);
    return new SiteProfile(site, seg.labels(), features, im);
  }

  /**
   * The segmentation half of {@link #profile}: what {@link #measure} needs.
   *
   * @param images image name to the (illumination-corrected) image measured, 0..1
   * @param labels the compartments
   * @param withDiscarded per compartment, the labels including discarded objects that take part as
   *     neighbours
   * @param imageMeasurements counts and thresholds, in the Image table's column order
   */
  public record Segmentation(
      Map<String, FloatImage> images, Map<Compartment, LabelImage> labels,
      Map<Compartment, LabelImage> withDiscarded, Map<String, Double> imageMeasurements) {}

  /**
   * Illumination correction and the nuclei, cells and cytoplasm of one site.
   *
   * @param site the images
   * @param settings the pipeline
   * @param illumination per image name, an illumination function to divide by
   * @return images, objects and the Image table's counts and thresholds
   */
  public static Segmentation segment(SiteImages site, ProfileSettings settings, Map<String, FloatImage> illumination) {
    Map<String, FloatImage> images = new LinkedHashMap<>();
    for (String name : settings.requiredImages()) {
      FloatImage im = site.image(name);
      FloatImage f = illumination.get(name);
      images.put(name, f == null ? im : RegularIllumination.apply(im, f));
    }
    FloatImage nucleiInput = images.get(settings.nucleiImage());
    if (settings.nucleiBackground() != null) {
      ProfileSettings.Background bg = settings.nucleiBackground();
      nucleiInput = BackgroundIllumination.subtract(nucleiInput,
          BackgroundIllumination.compute(nucleiInput, bg.blockSize(), bg.filterSize()));
    }
    PrimaryObjects.Result nuclei = PrimaryObjects.identify(nucleiInput, settings.nuclei());
    Map<Compartment, LabelImage> labels = new EnumMap<>(Compartment.class);
    labels.put(Compartment.NUCLEI, nuclei.labels());
    Map<Compartment, LabelImage> withDiscarded = new EnumMap<>(Compartment.class);
    withDiscarded.put(Compartment.NUCLEI, FamilyWiring.nucleiWithDiscarded(nuclei));
    SecondaryObjects.Result cells = null;
    LabelImage cyto = null;
    if (settings.hasCells()) {
      cells = SecondaryObjects.identify(images.get(settings.cellsImage()), nuclei, settings.cells());
      cyto = TertiaryObjects.subtract(cells.labels(), nuclei.labels());
      labels.put(Compartment.CELLS, cells.labels());
      labels.put(Compartment.CYTOPLASM, cyto);
      withDiscarded.put(Compartment.CELLS, FamilyWiring.withDiscarded(cells.labels(), cells.unfiltered()));
    }
    Map<String, Double> im = new LinkedHashMap<>();
    if (cells != null) {
      im.put("Count_Cells", (double) cells.labels().count());
      im.put("Count_Cytoplasm", (double) cyto.count());
    }
    im.put("Count_Nuclei", (double) nuclei.labels().count());
    if (cells != null) {
      im.put("Threshold_FinalThreshold_Cells", cells.threshold().threshold());
    }
    im.put("Threshold_FinalThreshold_Nuclei", nuclei.threshold().threshold());
    if (cells != null) {
      im.put("Threshold_OrigThreshold_Cells", cells.threshold().original());
    }
    im.put("Threshold_OrigThreshold_Nuclei", nuclei.threshold().original());
    return new Segmentation(images, labels, withDiscarded, im);
  }

  /**
   * Measures given objects (the measurement half of {@link #profile}).
   *
   * @param images image name to image (0..1)
   * @param labels the compartments (nuclei, and cells and cytoplasm unless the settings find nuclei
   *     only), object i of each belonging to nucleus i
   * @param withDiscarded per compartment (optional), labels including the discarded objects that
   *     take part as neighbours, numbered after the kept ones (used by Neighbors; for nuclei only
   *     those dropped as too large, as in CellProfiler: {@link FamilyWiring#nucleiWithDiscarded})
   * @param settings which families and images
   * @param imageMeasurements receives whole-image measurements (Granularity_n_image and, as
   *     MeasureTexture "Both" does, whole-image Texture_*)
   * @return per-compartment features
   */
  public static Map<Compartment, FeatureSet> measure(
      Map<String, FloatImage> images, Map<Compartment, LabelImage> labels,
      Map<Compartment, LabelImage> withDiscarded, ProfileSettings settings, Map<String, Double> imageMeasurements) {
    List<Compartment> comps = List.copyOf(labels.keySet());
    // each compartment's objects indexed once for every family (none measured: not needed)
    Map<Compartment, ObjectIndex> index = new EnumMap<>(Compartment.class);
    for (Compartment c : settings.families().isEmpty() ? List.<Compartment>of() : comps) {
      index.put(c, ObjectIndex.of(labels.get(c)));
    }
    Map<String, org.brightpaint.features.measure.Granularity.Result> granularity =
        FamilyWiring.granularity(images, index, settings);
    granularity.forEach((name, r) -> r.image().columns().forEach((k, v) -> imageMeasurements.put(k, v[0])));
    // each image quantised once for its whole-image and every compartment's texture
    Map<String, Texture.Grey> grey = new LinkedHashMap<>();
    if (settings.families().contains(MeasurementFamily.TEXTURE)) {
      int levels = settings.measurements().textureGrayLevels();
      for (String name : settings.measuredImages()) {
        grey.put(name, Texture.Grey.of(images.get(name), name, levels));
      }
      // MeasureTexture "Both": whole-image texture goes to the Image table
      Texture.Options to = new Texture.Options(settings.measurements().textureScales(), levels, true);
      List<FeatureSet> whole = settings.measuredImages().parallelStream()
          .map(name -> Texture.measureImage(grey.get(name), name, to)).toList();
      for (FeatureSet f : whole) {
        f.columns().forEach((k, v) -> imageMeasurements.put(k, v[0]));
      }
    }
    Map<Compartment, List<Supplier<FeatureSet>>> tasks = new EnumMap<>(Compartment.class);
    for (Compartment c : comps) {
      LabelImage l = labels.get(c);
      List<Supplier<FeatureSet>> t = new ArrayList<>();
      t.add(() -> ObjectRelations.numbersAndCenters(l, c != Compartment.CYTOPLASM));
      t.addAll(relations(c, labels));
      ObjectIndex idx = index.get(c);
      if (settings.families().contains(MeasurementFamily.AREA_SHAPE)) {
        t.add(() -> AreaShape.measure(idx));
      }
      if (settings.families().contains(MeasurementFamily.INTENSITY)) {
        Intensity.Objects io = Intensity.Objects.of(idx);
        for (String name : settings.measuredImages()) {
          t.add(() -> Intensity.measure(images.get(name), io, name));
        }
      }
      t.addAll(FamilyWiring.tasks(c, images, index, labels, withDiscarded, granularity, grey, settings));
      tasks.put(c, t);
    }
    List<Supplier<FeatureSet>> all = new ArrayList<>();
    for (Compartment c : comps) {
      all.addAll(tasks.get(c));
    }
    List<FeatureSet> results = all.parallelStream().map(Supplier::get).toList();
    Map<Compartment, FeatureSet> out = new EnumMap<>(Compartment.class);
    int k = 0;
    for (Compartment c : comps) {
      FeatureSet.Builder b = FeatureSet.builder(labels.get(c).count());
      for (int i = 0; i < tasks.get(c).size(); i++) {
        b.putAll(results.get(k++));
      }
      out.put(c, b.build());
    }
    return out;
  }

  private static List<Supplier<FeatureSet>> relations(Compartment c, Map<Compartment, LabelImage> labels) {
    if (!labels.containsKey(Compartment.CELLS)) {
      return List.of();
    }
    int nn = labels.get(Compartment.NUCLEI).count();
    int nc = labels.get(Compartment.CELLS).count();
    int ny = labels.get(Compartment.CYTOPLASM).count();
    return switch (c) {
      case NUCLEI -> List.of(() -> ObjectRelations.childrenByNumber(nn, labels.get(Compartment.CELLS), "Cells"),
          () -> ObjectRelations.childrenByNumber(nn, labels.get(Compartment.CYTOPLASM), "Cytoplasm"));
      case CELLS -> List.of(() -> ObjectRelations.childrenByNumber(nc, labels.get(Compartment.CYTOPLASM), "Cytoplasm"),
          () -> ObjectRelations.parentsByNumber(nc, nn, "Nuclei"));
      case CYTOPLASM -> List.of(() -> ObjectRelations.parentsByNumber(ny, nc, "Cells"),
          () -> ObjectRelations.parentsByNumber(ny, nn, "Nuclei"));
    };
  }
}
