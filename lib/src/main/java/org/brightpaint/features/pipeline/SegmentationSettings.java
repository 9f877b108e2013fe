package org.brightpaint.features.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.brightpaint.features.segment.DeclumpMethod;
import org.brightpaint.features.segment.FillHoles;
import org.brightpaint.features.segment.PrimaryObjects;
import org.brightpaint.features.segment.SecondaryMethod;
import org.brightpaint.features.segment.SecondaryObjects;
import org.brightpaint.features.threshold.GlobalThreshold;
import org.brightpaint.features.threshold.ThresholdMethod;

/**
 * Every segmentation setting of a {@link ProfileSettings} by name, so users change them without
 * code, as CellProfiler users edit their pipeline: {@code --set name=value} on the command line or a
 * settings file of {@code name = value} lines ({@code #} starts a comment). The names and what they
 * mean in CellProfiler's IdentifyPrimaryObjects / IdentifySecondaryObjects:
 *
 * <pre>
 * nuclei.min-diameter, nuclei.max-diameter   typical diameter (px), Min and Max
 * nuclei.discard-outside-range               yes | no
 * nuclei.discard-border                      yes | no
 * nuclei.unclump, nuclei.dividing-lines      shape | intensity | none
 * nuclei.smoothing-filter                    px, or auto (2.35 min / 3.5)
 * nuclei.maxima-suppression                  px, or auto (min / 1.5)
 * nuclei.fill-holes                          never | after-declumping | after-both
 * nuclei.neck-ratio                          0..1, or off (not in CellProfiler; see NeckMerge)
 * nuclei.background                          off (no CorrectIllumination Background subtraction)
 * nuclei.background.block-size, .filter-size px
 * cells.method                               watershed-image | propagation
 * cells.regularization                       lambda
 * cells.fill-holes                           yes | no
 * {nuclei,cells}.threshold.method            mce | otsu
 * {nuclei,cells}.threshold.smoothing-scale   CellProfiler's threshold smoothing scale
 * {nuclei,cells}.threshold.correction        threshold correction factor
 * {nuclei,cells}.threshold.lower, .upper     bounds on the threshold (intensities scaled 0..1)
 * </pre>
 */
public final class SegmentationSettings {

  private SegmentationSettings() {}

  /** The setting names, in the order above. */
  public static final List<String> NAMES = List.of("nuclei.min-diameter", "nuclei.max-diameter",
      "nuclei.discard-outside-range", "nuclei.discard-border", "nuclei.unclump", "nuclei.dividing-lines",
      "nuclei.smoothing-filter", "nuclei.maxima-suppression", "nuclei.fill-holes", "nuclei.neck-ratio",
      "nuclei.background", "nuclei.background.block-size", "nuclei.background.filter-size",
      "nuclei.threshold.method", "nuclei.threshold.smoothing-scale", "nuclei.threshold.correction",
      "nuclei.threshold.lower", "nuclei.threshold.upper", "cells.method", "cells.regularization",
      "cells.fill-holes", "cells.threshold.method", "cells.threshold.smoothing-scale",
      "cells.threshold.correction", "cells.threshold.lower", "cells.threshold.upper");

  /**
   * Reads a settings file.
   *
   * @param file {@code name = value} lines; blank lines and {@code #} comments are skipped
   * @return the settings in file order
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming the file and line when a line has no {@code =}
   */
  public static Map<String, String> readFile(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("Settings file not found: " + file);
    }
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String t = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (t.isEmpty()) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected name = value, got '" + t + "'");
      }
      out.put(t.substring(0, eq).trim(), t.substring(eq + 1).trim());
    }
    return out;
  }

  /**
   * Applies named settings in order.
   *
   * @param base the preset
   * @param settings name to value
   * @return the changed settings (same name as {@code base})
   * @throws IllegalArgumentException naming the setting and value when the name is unknown, the
   *     value cannot be read, or the result is invalid
   */
  public static ProfileSettings apply(ProfileSettings base, Map<String, String> settings) {
    ProfileSettings s = base;
    for (Map.Entry<String, String> e : settings.entrySet()) {
      s = apply(s, e.getKey(), e.getValue());
    }
    return s;
  }

  /**
   * Applies one named setting.
   *
   * @param s the settings
   * @param name a name of {@link #NAMES}
   * @param value its value
   * @return the changed settings
   * @throws IllegalArgumentException naming the setting and value when either is invalid
   */
  public static ProfileSettings apply(ProfileSettings s, String name, String value) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    String v = value.trim();
    if (!NAMES.contains(n)) {
      throw new IllegalArgumentException("Unknown segmentation setting '" + name + "': expected one of " + String.join(", ", NAMES));
    }
    try {
      if (n.startsWith("cells.") && !s.hasCells()) {
        throw new IllegalArgumentException("the preset '" + s.name() + "' finds nuclei only");
      }
      PrimaryObjects.Options p = s.nuclei();
      SecondaryObjects.Options c = s.cells();
      return switch (n) {
        case "nuclei.background" -> {
          if (!v.equalsIgnoreCase("off")) {
            throw new IllegalArgumentException("expected off (set block-size and filter-size to turn it on)");
          }
          yield withBackground(s, null);
        }
        case "nuclei.background.block-size" -> withBackground(s, new ProfileSettings.Background(
            (int) positive(v), s.nucleiBackground() == null ? 50 : s.nucleiBackground().filterSize()));
        case "nuclei.background.filter-size" -> withBackground(s, new ProfileSettings.Background(
            s.nucleiBackground() == null ? 30 : s.nucleiBackground().blockSize(), positive(v)));
        default -> n.startsWith("nuclei.")
            ? s.withSegmentation(primary(p, n.substring("nuclei.".length()), v), c)
            : s.withSegmentation(p, secondary(c, n.substring("cells.".length()), v));
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid value '" + value + "' for segmentation setting " + n + ": " + e.getMessage(), e);
    }
  }

  private static ProfileSettings withBackground(ProfileSettings s, ProfileSettings.Background b) {
    return new ProfileSettings(s.name(), s.measuredImages(), s.nucleiImage(), b, s.nuclei(), s.cellsImage(), s.cells(),
        s.illumination(), s.families(), s.measurements());
  }

  private static PrimaryObjects.Options primary(PrimaryObjects.Options o, String key, String v) {
    double min = o.minDiameter();
    double max = o.maxDiameter();
    boolean outside = o.discardOutsideRange();
    boolean border = o.discardBorder();
    DeclumpMethod unclump = o.unclump();
    DeclumpMethod lines = o.dividingLines();
    double smoothing = o.smoothingFilterSize();
    double suppression = o.maximaSuppression();
    FillHoles fill = o.fillHoles();
    GlobalThreshold.Options t = o.threshold();
    double neck = o.neckRatio();
    switch (key) {
      case "min-diameter" -> min = positive(v);
      case "max-diameter" -> max = positive(v);
      case "discard-outside-range" -> outside = yesNo(v);
      case "discard-border" -> border = yesNo(v);
      case "unclump" -> unclump = declump(v);
      case "dividing-lines" -> lines = declump(v);
      case "smoothing-filter" -> smoothing = v.equalsIgnoreCase("auto") ? Double.NaN : nonNegative(v);
      case "maxima-suppression" -> suppression = v.equalsIgnoreCase("auto") ? Double.NaN : nonNegative(v);
      case "fill-holes" -> fill = switch (v.toLowerCase(Locale.ROOT)) {
        case "never" -> FillHoles.NEVER;
        case "after-declumping" -> FillHoles.AFTER_DECLUMPING;
        case "after-both" -> FillHoles.AFTER_BOTH;
        default -> throw new IllegalArgumentException("expected never, after-declumping or after-both");
      };
      case "neck-ratio" -> neck = v.equalsIgnoreCase("off") ? Double.NaN : positive(v);
      default -> t = threshold(t, key, v);
    }
    return new PrimaryObjects.Options(min, max, outside, border, unclump, lines, smoothing, suppression, fill, t, neck);
  }

  private static SecondaryObjects.Options secondary(SecondaryObjects.Options o, String key, String v) {
    return switch (key) {
      case "method" -> new SecondaryObjects.Options(switch (v.toLowerCase(Locale.ROOT)) {
        case "watershed-image" -> SecondaryMethod.WATERSHED_IMAGE;
        case "propagation" -> SecondaryMethod.PROPAGATION;
        default -> throw new IllegalArgumentException("expected watershed-image or propagation");
      }, o.regularization(), o.fillHoles(), o.threshold());
      case "regularization" -> new SecondaryObjects.Options(o.method(), nonNegative(v), o.fillHoles(), o.threshold());
      case "fill-holes" -> new SecondaryObjects.Options(o.method(), o.regularization(), yesNo(v), o.threshold());
      default -> new SecondaryObjects.Options(o.method(), o.regularization(), o.fillHoles(), threshold(o.threshold(), key, v));
    };
  }

  private static GlobalThreshold.Options threshold(GlobalThreshold.Options t, String key, String v) {
    ThresholdMethod m = t.method();
    double scale = t.smoothingScale();
    double corr = t.correctionFactor();
    double lo = t.lowerBound();
    double hi = t.upperBound();
    switch (key) {
      case "threshold.method" -> m = switch (v.toLowerCase(Locale.ROOT)) {
        case "mce" -> ThresholdMethod.MINIMUM_CROSS_ENTROPY;
        case "otsu" -> ThresholdMethod.OTSU;
        default -> throw new IllegalArgumentException("expected mce or otsu");
      };
      case "threshold.smoothing-scale" -> scale = nonNegative(v);
      case "threshold.correction" -> corr = positive(v);
      case "threshold.lower" -> lo = nonNegative(v);
      case "threshold.upper" -> hi = nonNegative(v);
      default -> throw new IllegalStateException("Unhandled setting " + key);
    }
    return new GlobalThreshold.Options(m, scale, corr, lo, hi);
  }

  private static double number(String v) {
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number");
    }
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not a finite number");
    }
    return d;
  }

  private static double positive(String v) {
    double d = number(v);
    if (!(d > 0)) {
      throw new IllegalArgumentException("must be > 0");
    }
    return d;
  }

  private static double nonNegative(String v) {
    double d = number(v);
    if (!(d >= 0)) {
      throw new IllegalArgumentException("must be >= 0");
    }
    return d;
  }

  private static boolean yesNo(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "yes", "true" -> true;
      case "no", "false" -> false;
      default -> throw new IllegalArgumentException("expected yes or no");
    };
  }

  private static DeclumpMethod declump(String v) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "shape" -> DeclumpMethod.SHAPE;
      case "intensity" -> DeclumpMethod.INTENSITY;
      case "none" -> DeclumpMethod.NONE;
      default -> throw new IllegalArgumentException("expected shape, intensity or none");
    };
  }
}
