package org.brightpaint.features.pipeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.brightpaint.data.Channel;
import org.brightpaint.features.measure.Costes;
import org.brightpaint.features.segment.DeclumpMethod;
import org.brightpaint.features.segment.FillHoles;
import org.brightpaint.features.segment.PrimaryObjects;
import org.brightpaint.features.segment.SecondaryMethod;
import org.brightpaint.features.segment.SecondaryObjects;
import org.brightpaint.features.threshold.GlobalThreshold;

/**
 * A CellProfiler pipeline as data: which images are measured, how nuclei, cells and cytoplasm are
 * identified and which measurement families run with which settings. Presets ({@link Preset}):
 * {@link #cpjump1()} ({@code CPJUMP1_analysis.cppipe} exactly), {@link #cpjump1Synthetic()} (its
 * segmentation tuned on synthetic plates), {@link #exampleHuman()} ({@code ExampleHuman.cppipe})
 * and {@link #nucleiOnly()} (a DNA image alone, nuclei only, tuned on real nuclei images). Any
 * segmentation setting can then be changed by name with {@link SegmentationSettings}.
 *
 * @param name preset name ("cpjump1", "examplehuman", or anything for custom settings)
 * @param measuredImages image names measured by every family (CellProfiler names, e.g. "DNA")
 * @param nucleiImage the image nuclei are found in
 * @param nucleiBackground background subtraction before finding nuclei, or null for none
 * @param nuclei primary object settings
 * @param cellsImage the image cells are grown in, or null to find and measure nuclei only
 * @param cells secondary object settings, or null with {@code cellsImage}
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

  /**
   * The declumping maxima suppression distance of the {@code cpjump1-synthetic} preset (the .cppipe
   * says 8).
   */
  public static final double SYNTHETIC_MAXIMA_SUPPRESSION = 20;

  /**
   * The nuclei threshold correction factor of the {@code cpjump1-synthetic} preset (the .cppipe says
   * 1.25).
   */
  public static final double SYNTHETIC_NUCLEI_CORRECTION = 1.0;

  /** The neck ratio of the {@code nuclei} preset. */
  public static final double NUCLEI_NECK_RATIO = 0.93;

  /** Validates and copies. */
  public ProfileSettings {
    if (measuredImages == null || measuredImages.isEmpty()) {
      throw new IllegalArgumentException("At least one measured image is required");
    }
    if (nucleiImage == null || nuclei == null) {
      throw new IllegalArgumentException("The nuclei image and settings are required");
    }
    if ((cellsImage == null) != (cells == null)) {
      throw new IllegalArgumentException("Cells need both an image and settings (or neither, for nuclei only)");
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
   * @param colocalizationCostes MeasureColocalization's Costes switch and method (OFF in CPJUMP1)
   * @param costesImageScale the images' raw maximum for Costes' threshold step (CellProfiler's
   *     {@code image.scale}: 65535 for CPJUMP1's 16-bit files, 255 for 8-bit ones); images are read
   *     scaled by their own bit depth, and this tells Costes which depth that was
   * @param neighbors MeasureObjectNeighbors modules
   */
  public record MeasurementSettings(
      List<Integer> textureScales, int textureGrayLevels, int granularitySpectrum,
      double granularitySubsample, double granularityBackgroundSubsample, int granularityRadius,
      int radialBins, double colocalizationThresholdPercent, Costes.Method colocalizationCostes,
      double costesImageScale, List<NeighborRule> neighbors) {

    /** Copies the lists. */
    public MeasurementSettings {
      textureScales = List.copyOf(textureScales);
      neighbors = List.copyOf(neighbors);
      if (colocalizationCostes == null) {
        throw new IllegalArgumentException("Costes method is required (OFF to skip it)");
      }
      if (!(costesImageScale > 0)) {
        throw new IllegalArgumentException("Invalid Costes image scale: " + costesImageScale);
      }
    }

    /**
     * @param method Costes' method, or OFF
     * @return a copy with Costes' thresholds switched on (or off)
     */
    public MeasurementSettings withCostes(Costes.Method method) {
      return withCostes(method, costesImageScale);
    }

    /**
     * @param method the Costes method
     * @param imageScale the images' raw maximum (CellProfiler's {@code image.scale}: 255 for 8-bit,
     *     65535 for 16-bit files), which sets the threshold step of the Faster and Fast methods
     * @return a copy with these Costes settings
     */
    public MeasurementSettings withCostes(Costes.Method method, double imageScale) {
      return new MeasurementSettings(textureScales, textureGrayLevels, granularitySpectrum, granularitySubsample,
          granularityBackgroundSubsample, granularityRadius, radialBins, colocalizationThresholdPercent, method,
          imageScale, neighbors);
    }

    /** @return CPJUMP1's settings: texture 3/5/10 at 256 levels, granularity 16 steps, 4 bins */
    public static MeasurementSettings cpjump1() {
      return new MeasurementSettings(List.of(3, 5, 10), 256, 16, 0.5, 0.5, 10, 4, 15.0, Costes.Method.OFF, 65535,
          List.of(new NeighborRule(Compartment.CELLS, 5, false),
              new NeighborRule(Compartment.NUCLEI, 1, false),
              new NeighborRule(Compartment.CELLS, 0, true)));
    }
  }

  /**
   * The CPJUMP1 pipeline on the five fluorescent channels.
   *
   * @return the preset
   */
  public static ProfileSettings cpjump1() {
    return cpjump1(false);
  }

  /**
   * The CPJUMP1 analysis pipeline with the segmentation settings of {@code CPJUMP1_analysis.cppipe}
   * exactly (module 18 IdentifyPrimaryObjects, module 19 IdentifySecondaryObjects): nuclei from
   * background-subtracted DNA (CorrectIlluminationCalculate Background, block 30, filter 50;
   * diameter 10..75, discard outside range and touching the border, Shape/Shape declumping,
   * smoothing filter 7, maxima suppression 8, never fill holes, global MCE threshold, smoothing
   * scale 3, correction 1.25, bounds [0.014, 1]); cells by Watershed - Image on RNA
   * (regularization 0.05, fill holes, MCE, scale 0, correction 1, bounds [0.005, 0.014]);
   * cytoplasm; every family. Use it on real CPJUMP1-like plates read as CellProfiler does (each file scaled
   * by its bit depth); {@link #cpjump1Synthetic()} is the variant for the synthetic plates.
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
        DeclumpMethod.SHAPE, DeclumpMethod.SHAPE, 7, 8, FillHoles.NEVER,
        GlobalThreshold.Options.li(3, 1.25, 0.014, 1.0), Double.NaN);
    SecondaryObjects.Options cells = new SecondaryObjects.Options(SecondaryMethod.WATERSHED_IMAGE, 0.05, true,
        GlobalThreshold.Options.li(0, 1, 0.005, 0.014));
    return new ProfileSettings(withBrightfield ? "cpjump1-brightfield" : "cpjump1", images, Channel.DNA.cpName(),
        new Background(30, 50), nuclei, Channel.RNA.cpName(), cells, IlluminationMode.PLATE_REGULAR,
        EnumSet.allOf(MeasurementFamily.class), MeasurementSettings.cpjump1());
  }

  /**
   * {@link #cpjump1()} with two nuclei settings tuned on the synthetic Phenix-like plates of both
   * cell lines: maxima closer than {@value #SYNTHETIC_MAXIMA_SUPPRESSION} px (not 8) are merged when
   * declumping, and the nuclei threshold correction factor is {@value #SYNTHETIC_NUCLEI_CORRECTION}
   * (not 1.25). On the tuning sites, 8 px with 1.25 gave nuclei F1 0.90 at IoU 0.5 on A549 and
   * 14 px with 1.25 gave 0.84 on U2OS (elongated and binucleate nuclei over-split, dim ones
   * missed), against 0.96 and 0.95 with these settings ({@code SyntheticSegmentationTest}). The
   * benchmark profiles synthetic plates with it.
   *
   * @return the preset
   */
  public static ProfileSettings cpjump1Synthetic() {
    ProfileSettings base = cpjump1(false);
    PrimaryObjects.Options n = base.nuclei();
    GlobalThreshold.Options t = n.threshold();
    PrimaryObjects.Options tuned = new PrimaryObjects.Options(n.minDiameter(), n.maxDiameter(),
        n.discardOutsideRange(), n.discardBorder(), n.unclump(), n.dividingLines(), n.smoothingFilterSize(),
        SYNTHETIC_MAXIMA_SUPPRESSION, n.fillHoles(), new GlobalThreshold.Options(t.method(), t.smoothingScale(),
            SYNTHETIC_NUCLEI_CORRECTION, t.lowerBound(), t.upperBound()), n.neckRatio());
    return base.withSegmentation(tuned, base.cells()).withName("cpjump1-synthetic");
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
        GlobalThreshold.Options.li(1.3488, 1.0, 0.0, 1.0), Double.NaN);
    SecondaryObjects.Options cells = new SecondaryObjects.Options(SecondaryMethod.PROPAGATION, 0.05, true,
        GlobalThreshold.Options.li(0, 0.8, 0.0, 1.0));
    return new ProfileSettings("examplehuman", List.of("DNA", "PH3"), "DNA", null, nuclei, "cellbody", cells,
        IlluminationMode.NONE, EnumSet.of(MeasurementFamily.AREA_SHAPE, MeasurementFamily.INTENSITY),
        MeasurementSettings.cpjump1());
  }

  /**
   * Nuclei from a DNA (Hoechst/DAPI) image alone, measured with AreaShape and Intensity of DNA; no
   * cells. Tuned on real nuclei images of several sizes (BBBC039 U2OS, S-BSST265 cytospins and
   * tissue; {@code RealNucleiTest}) with rules that do not depend on the intensity scale or on a
   * nucleus size in pixels: MCE (Li) threshold, smoothing scale 1.3488 (Gaussian sigma 1),
   * correction factor 1.2, bounds [0, 1]; holes filled after thresholding and after declumping; Shape/Shape declumping with
   * CellProfiler's automatic maxima suppression ({@code min / 1.5}); then the pieces are joined
   * again across every neck at least {@value #NUCLEI_NECK_RATIO} times as wide as the smaller
   * piece ({@link org.brightpaint.features.segment.NeckMerge}), so a large nucleus is not split by
   * a suppression distance meant for small ones; objects under 6 px diameter (28 px area) and
   * those touching the border are dropped. The image must be read scaled by its bit depth. The
   * correction factor (tried 0.85..1.45) and the neck ratio (0.7..0.95) were chosen on the seven
   * development images; 1.2 with neck ratios 0.92..0.93 is at or above the scikit-image baseline on
   * every one of them (some by a thin margin, see the README table).
   *
   * @return the preset
   */
  public static ProfileSettings nucleiOnly() {
    PrimaryObjects.Options nuclei = new PrimaryObjects.Options(6, 1000, true, true,
        DeclumpMethod.SHAPE, DeclumpMethod.SHAPE, Double.NaN, Double.NaN, FillHoles.AFTER_BOTH,
        GlobalThreshold.Options.li(1.3488, 1.2, 0.0, 1.0), NUCLEI_NECK_RATIO);
    return new ProfileSettings("nuclei", List.of("DNA"), "DNA", null, nuclei, null, null, IlluminationMode.NONE,
        EnumSet.of(MeasurementFamily.AREA_SHAPE, MeasurementFamily.INTENSITY), MeasurementSettings.cpjump1());
  }

  /** The presets, with the one-line description {@code profile --help} prints. */
  public enum Preset {
    /** {@link ProfileSettings#cpjump1()}. */
    CPJUMP1("cpjump1", "CPJUMP1_analysis.cppipe exactly: 5 fluorescent channels, nuclei/cells/cytoplasm, every family (real plates)"),
    /** {@link ProfileSettings#cpjump1(boolean)} with brightfield. */
    CPJUMP1_BRIGHTFIELD("cpjump1-brightfield", "cpjump1 that also measures Brightfield, HighZBF and LowZBF"),
    /** {@link ProfileSettings#cpjump1Synthetic()}. */
    CPJUMP1_SYNTHETIC("cpjump1-synthetic", "cpjump1 with nuclei settings tuned on synthetic plates (maxima suppression 20, correction 1.0)"),
    /** {@link ProfileSettings#exampleHuman()}. */
    EXAMPLEHUMAN("examplehuman", "CellProfiler's ExampleHuman.cppipe: DNA, PH3, cellbody; AreaShape and Intensity"),
    /** {@link ProfileSettings#nucleiOnly()}. */
    NUCLEI("nuclei", "a DNA image alone: nuclei of any size (tuned on real images), AreaShape and Intensity");

    private final String cliName;
    private final String description;

    Preset(String cliName, String description) {
      this.cliName = cliName;
      this.description = description;
    }

    /** @return the name used on the command line */
    public String cliName() {
      return cliName;
    }

    /** @return one line saying what the preset is */
    public String description() {
      return description;
    }

    /** @return the settings */
    public ProfileSettings settings() {
      return switch (this) {
        case CPJUMP1 -> cpjump1(false);
        case CPJUMP1_BRIGHTFIELD -> cpjump1(true);
        case CPJUMP1_SYNTHETIC -> cpjump1Synthetic();
        case EXAMPLEHUMAN -> exampleHuman();
        case NUCLEI -> nucleiOnly();
      };
    }

    /**
     * @param name a preset's command-line name (case-insensitive)
     * @return the preset
     * @throws IllegalArgumentException naming the value and the choices when unknown
     */
    public static Preset of(String name) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      for (Preset p : values()) {
        if (p.cliName.equals(n)) {
          return p;
        }
      }
      throw new IllegalArgumentException("Unknown preset '" + name + "': expected one of " + String.join(", ",
          java.util.Arrays.stream(values()).map(Preset::cliName).toList()));
    }
  }

  /**
   * A preset by name.
   *
   * @param name a {@link Preset} command-line name (case-insensitive)
   * @return the preset
   * @throws IllegalArgumentException naming the value when unknown
   */
  public static ProfileSettings preset(String name) {
    return Preset.of(name).settings();
  }

  /**
   * @param newName the settings' name
   * @return a copy under another name
   */
  public ProfileSettings withName(String newName) {
    return new ProfileSettings(newName, measuredImages, nucleiImage, nucleiBackground, nuclei, cellsImage, cells,
        illumination, families, measurements);
  }

  /** @return whether cells and cytoplasm are identified (false: nuclei only) */
  public boolean hasCells() {
    return cells != null;
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
   * @param newMeasurements the measurement settings
   * @return a copy with other measurement settings (e.g. {@code
   *     measurements().withCostes(Costes.Method.FASTER)})
   */
  public ProfileSettings withMeasurements(MeasurementSettings newMeasurements) {
    return new ProfileSettings(name, measuredImages, nucleiImage, nucleiBackground, nuclei, cellsImage, cells,
        illumination, families, newMeasurements);
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
    if (cellsImage != null && !out.contains(cellsImage)) {
      out.add(cellsImage);
    }
    return out;
  }
}
