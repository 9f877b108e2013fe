package org.brightpaint.features.pipeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.brightpaint.data.Channel;
import org.brightpaint.features.segment.DeclumpMethod;
import org.brightpaint.features.segment.FillHoles;
import org.brightpaint.features.segment.PrimaryObjects;
import org.brightpaint.features.segment.SecondaryMethod;
import org.brightpaint.features.segment.SecondaryObjects;
import org.brightpaint.features.threshold.GlobalThreshold;

/**
 * A CellProfiler pipeline as data: which images are measured, how nuclei, cells and cytoplasm are
 * identified and which measurement families run with which settings. Two presets mirror the two
 * pipelines we have: {@link #cpjump1()} ({@code CPJUMP1_analysis.cppipe}) and
 * {@link #exampleHuman()} ({@code ExampleHuman.cppipe}).
 *
 * @param name preset name ("cpjump1", "examplehuman", or anything for custom settings)
 * @param measuredImages image names measured by every family (CellProfiler names, e.g. "DNA")
 * @param nucleiImage the image nuclei are found in
 * @param nucleiBackground background subtraction before finding nuclei, or null for none
 * @param nuclei primary object settings
 * @param cellsImage the image cells are grown in
 * @param cells secondary object settings
 * @param illumination plate-level illumination correction applied before everything else
 * @param families the measurement families to run
 * @param measurements family settings
 *
 * <p>No preset assumes a bit depth: images are scaled by their own sample format when read
 * ({@link org.brightpaint.data.io.RawImage#scaled()}), as CellProfiler's NamesAndTypes does.
 */
public record ProfileSettings(
    String name, List<String> measuredImages, String nucleiImage, Background nucleiBackground,
    PrimaryObjects.Options nuclei, String cellsImage, SecondaryObjects.Options cells,
    IlluminationMode illumination, Set<MeasurementFamily> families, MeasurementSettings measurements) {

  /** The declumping maxima suppression distance of the {@code cpjump1} preset (the .cppipe says 8). */
  public static final double CPJUMP1_MAXIMA_SUPPRESSION = 20;

  /** The nuclei threshold correction factor of the {@code cpjump1} preset (the .cppipe says 1.25). */
  public static final double CPJUMP1_NUCLEI_CORRECTION = 1.0;

  /** Validates and copies. */
  public ProfileSettings {
    if (measuredImages == null || measuredImages.isEmpty()) {
      throw new IllegalArgumentException("At least one measured image is required");
    }
    if (nucleiImage == null || cellsImage == null || nuclei == null || cells == null) {
      throw new IllegalArgumentException("Nuclei and cells images and settings are required");
    }
    measuredImages = List.copyOf(measuredImages);
    families = families.isEmpty() ? EnumSet.noneOf(MeasurementFamily.class) : EnumSet.copyOf(families);
    if (illumination == null) {
      illumination = IlluminationMode.NONE;
    }
  }

  /** Plate-level illumination correction. */
  public enum IlluminationMode {
    /** Images are used as read. */
    NONE,
    /** CPJUMP1: divide by each channel's plate "Regular" illumination function. */
    PLATE_REGULAR
  }

  /**
   * CorrectIlluminationCalculate "Background" + CorrectIlluminationApply "Subtract".
   *
   * @param blockSize block size (px)
   * @param filterSize Gaussian smoothing filter size (px)
   */
  public record Background(int blockSize, double filterSize) {}

  /**
   * Settings of the measurement families, named as in CellProfiler's modules.
   *
   * @param textureScales MeasureTexture scales
   * @param textureGrayLevels MeasureTexture gray levels
   * @param granularitySpectrum MeasureGranularity range of the spectrum
   * @param granularitySubsample subsampling factor
   * @param granularityBackgroundSubsample background subsampling factor
   * @param granularityRadius structuring element radius
   * @param radialBins MeasureObjectIntensityDistribution scaled bins
   * @param colocalizationThresholdPercent threshold as % of maximum intensity
   * @param neighbors MeasureObjectNeighbors modules
   */
  public record MeasurementSettings(
      List<Integer> textureScales, int textureGrayLevels, int granularitySpectrum,
      double granularitySubsample, double granularityBackgroundSubsample, int granularityRadius,
      int radialBins, double colocalizationThresholdPercent, List<NeighborRule> neighbors) {

    /** Copies the lists. */
    public MeasurementSettings {
      textureScales = List.copyOf(textureScales);
      neighbors = List.copyOf(neighbors);
    }

    /** @return CPJUMP1's settings: texture 3/5/10 at 256 levels, granularity 16 steps, 4 bins */
    public static MeasurementSettings cpjump1() {
      return new MeasurementSettings(List.of(3, 5, 10), 256, 16, 0.5, 0.5, 10, 4, 15.0,
          List.of(new NeighborRule(Compartment.CELLS, 5, false),
              new NeighborRule(Compartment.NUCLEI, 1, false),
              new NeighborRule(Compartment.CELLS, 0, true)));
    }
  }

  /**
   * The CPJUMP1 analysis pipeline on the five fluorescent channels.
   *
   * @return the preset
   */
  public static ProfileSettings cpjump1() {
    return cpjump1(false);
  }

  /**
   * The CPJUMP1 analysis pipeline: nuclei from background-subtracted DNA (Background 30/50;
   * diameter 10..75, Shape declumping, smoothing 7, MCE threshold, scale 3, bounds [0.014, 1]); cells by Watershed - Image on RNA (MCE, scale 0, correction 1, bounds
   * [0.005, 0.014], fill holes); cytoplasm; every family.
   *
   * <p>Two deliberate changes from {@code CPJUMP1_analysis.cppipe}, tuned on synthetic
   * Phenix-like plates of both cell lines: maxima closer than 20 px (not 8) are merged when
   * declumping, and the nuclei threshold correction factor is 1.0 (not 1.25). On the tuning sites,
   * 8 px with 1.25 gave nuclei F1 0.90 at IoU 0.5 on A549 and 14 px with 1.25 gave 0.84 on U2OS
   * (elongated and binucleate nuclei over-split, dim ones missed), against 0.96 and 0.95 with these
   * settings ({@code SyntheticSegmentationTest}). {@link #withSegmentation} restores the .cppipe's
   * values for real data.
   *
   * @param withBrightfield also measure Brightfield, HighZBF and LowZBF, as the full pipeline does
   * @return the preset
   */
  public static ProfileSettings cpjump1(boolean withBrightfield) {
    List<String> images = new ArrayList<>();
    for (Channel c : Channel.FLUORESCENT) {
      images.add(c.cpName());
    }
    if (withBrightfield) {
      images.add(Channel.BRIGHTFIELD.cpName());
      images.add(Channel.HIGH_Z_BF.cpName());
      images.add(Channel.LOW_Z_BF.cpName());
    }
    images.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(s -> s));
    PrimaryObjects.Options nuclei = new PrimaryObjects.Options(10, 75, true, true,
        DeclumpMethod.SHAPE, DeclumpMethod.SHAPE, 7, CPJUMP1_MAXIMA_SUPPRESSION, FillHoles.NEVER,
        GlobalThreshold.Options.li(3, CPJUMP1_NUCLEI_CORRECTION, 0.014, 1.0));
    SecondaryObjects.Options cells = new SecondaryObjects.Options(SecondaryMethod.WATERSHED_IMAGE, 0.05, true,
        GlobalThreshold.Options.li(0, 1, 0.005, 0.014));
    return new ProfileSettings("cpjump1", images, Channel.DNA.cpName(), new Background(30, 50), nuclei,
        Channel.RNA.cpName(), cells, IlluminationMode.PLATE_REGULAR, EnumSet.allOf(MeasurementFamily.class),
        MeasurementSettings.cpjump1());
  }

  /**
   * The ExampleHuman pipeline: nuclei from DNA (diameter 8..80, Intensity declumping with
   * automatic smoothing and maxima distance, MCE threshold, scale 1.3488, fill holes after
   * declumping); cells by Propagation on "cellbody" (lambda 0.05, MCE, correction 0.8); cytoplasm;
   * AreaShape and Intensity of DNA and PH3.
   *
   * @return the preset
   */
  public static ProfileSettings exampleHuman() {
    PrimaryObjects.Options nuclei = new PrimaryObjects.Options(8, 80, true, true,
        DeclumpMethod.INTENSITY, DeclumpMethod.INTENSITY, Double.NaN, Double.NaN, FillHoles.AFTER_DECLUMPING,
        GlobalThreshold.Options.li(1.3488, 1.0, 0.0, 1.0));
    SecondaryObjects.Options cells = new SecondaryObjects.Options(SecondaryMethod.PROPAGATION, 0.05, true,
        GlobalThreshold.Options.li(0, 0.8, 0.0, 1.0));
    return new ProfileSettings("examplehuman", List.of("DNA", "PH3"), "DNA", null, nuclei, "cellbody", cells,
        IlluminationMode.NONE, EnumSet.of(MeasurementFamily.AREA_SHAPE, MeasurementFamily.INTENSITY),
        MeasurementSettings.cpjump1());
  }

  /**
   * A preset by name.
   *
   * @param name "cpjump1", "cpjump1-brightfield" or "examplehuman" (case-insensitive)
   * @return the preset
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static ProfileSettings preset(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "cpjump1" -> cpjump1(false);
      case "cpjump1-brightfield" -> cpjump1(true);
      case "examplehuman" -> exampleHuman();
      default -> throw new IllegalArgumentException(
          "Unknown preset '" + name + "': expected cpjump1, cpjump1-brightfield or examplehuman");
    };
  }

  /**
   * @param newFamilies the families to run
   * @return a copy with other families
   */
  public ProfileSettings withFamilies(Set<MeasurementFamily> newFamilies) {
    return new ProfileSettings(name, measuredImages, nucleiImage, nucleiBackground, nuclei, cellsImage, cells,
        illumination, newFamilies, measurements);
  }

  /**
   * @param mode the illumination mode
   * @return a copy with another illumination mode
   */
  public ProfileSettings withIllumination(IlluminationMode mode) {
    return new ProfileSettings(name, measuredImages, nucleiImage, nucleiBackground, nuclei, cellsImage, cells,
        mode, families, measurements);
  }

  /**
   * @param newNuclei primary object settings
   * @param newCells secondary object settings
   * @return a copy with other segmentation settings
   */
  public ProfileSettings withSegmentation(PrimaryObjects.Options newNuclei, SecondaryObjects.Options newCells) {
    return new ProfileSettings(name, measuredImages, nucleiImage, nucleiBackground, newNuclei, cellsImage,
        newCells, illumination, families, measurements);
  }

  /** @return every image name the pipeline reads: measured images plus segmentation images */
  public List<String> requiredImages() {
    List<String> out = new ArrayList<>(measuredImages);
    if (!out.contains(nucleiImage)) {
      out.add(nucleiImage);
    }
    if (!out.contains(cellsImage)) {
      out.add(cellsImage);
    }
    return out;
  }
}
