package org.brightpaint.features.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brightpaint.features.segment.DeclumpMethod;
import org.brightpaint.features.segment.FillHoles;
import org.brightpaint.features.segment.PrimaryObjects;
import org.brightpaint.features.segment.SecondaryMethod;
import org.brightpaint.features.segment.SecondaryObjects;
import org.brightpaint.features.threshold.GlobalThreshold;
import org.brightpaint.features.threshold.ThresholdMethod;
import org.junit.jupiter.api.Test;

/**
 * The {@code cpjump1} preset against {@code CPJUMP1_analysis.cppipe} itself (read from
 * {@code shared/reference/jump/pipelines}): every setting of the nuclei background correction
 * (modules 16-17), IdentifyPrimaryObjects (18) and IdentifySecondaryObjects (19) is either compared
 * with the preset or listed here as not applicable with the reason; a setting the test does not
 * know fails it.
 */
class Cpjump1PipelineTest {

  static Path pipeline() {
    Path p = Path.of(System.getProperty("user.dir"))
        .resolve("../../shared/reference/jump/pipelines/CPJUMP1_analysis.cppipe").normalize();
    return Files.exists(p) ? p : Path.of("/work/shared/reference/jump/pipelines/CPJUMP1_analysis.cppipe");
  }

  /** The settings of the enabled module with this name and number ("key:value" lines; first key wins). */
  static Map<String, String> module(List<String> lines, String name, int number) {
    Map<String, String> out = new LinkedHashMap<>();
    boolean in = false;
    for (String line : lines) {
      if (!line.startsWith(" ") && !line.isBlank()) {
        in = line.startsWith(name + ":[module_num:" + number + "|");
        continue;
      }
      if (in && !line.isBlank()) {
        String t = line.trim();
        int c = t.indexOf(':');
        out.putIfAbsent(t.substring(0, c), t.substring(c + 1));
      }
    }
    assertTrue(!out.isEmpty(), "module " + name + " #" + number + " not found");
    return out;
  }

  static String yesNo(boolean b) {
    return b ? "Yes" : "No";
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : Double.toString(v);
  }

  static String declump(DeclumpMethod m) {
    return switch (m) {
      case SHAPE -> "Shape";
      case INTENSITY -> "Intensity";
      case NONE -> "None";
    };
  }

  static String method(ThresholdMethod m) {
    return switch (m) {
      case MINIMUM_CROSS_ENTROPY -> "Minimum Cross-Entropy";
      case OTSU -> "Otsu";
    };
  }

  static void threshold(Map<String, String> cp, GlobalThreshold.Options t, Map<String, String> ours) {
    ours.put("Threshold setting version", "11");
    ours.put("Threshold strategy", "Global");
    ours.put("Thresholding method", method(t.method()));
    ours.put("Threshold smoothing scale", number(t.smoothingScale()));
    ours.put("Threshold correction factor", number(t.correctionFactor()));
    String[] b = cp.get("Lower and upper bounds on threshold").split(",");
    assertEquals(Double.parseDouble(b[0]), t.lowerBound(), 0, "lower threshold bound");
    assertEquals(Double.parseDouble(b[1]), t.upperBound(), 0, "upper threshold bound");
  }

  /** Settings that do not act with a global MCE threshold, or that name images and displays. */
  static final Set<String> NOT_APPLICABLE = Set.of(
      "Select the input image", "Name the primary objects to be identified", "Select the input objects",
      "Name the objects to be identified", "Name the output image", "Select the illumination function",
      "Display accepted local maxima?", "Select maxima color", "Use advanced settings?",
      "Lower and upper bounds on threshold", // compared numerically in threshold()
      "Manual threshold", "Select the measurement to threshold with", // Manual / Measurement methods only
      "Two-class or three-class thresholding?", // Otsu only
      "Assign pixels in the middle intensity class to the foreground or the background?", // three-class Otsu only
      "Size of adaptive window", "Lower outlier fraction", "Upper outlier fraction", "Averaging method",
      "Variance method", "# of deviations", // adaptive / robust background strategies only
      // IdentifyPrimaryObjects.py: the low-resolution maxima search runs only when the minimum
      // diameter exceeds 10 px (image_resize_factor = 10 / min_diameter if it is > 10)
      "Speed up by using lower-resolution image to find local maxima?",
      "Maximum number of objects", // only with "Erase" handling; CPJUMP1 says Continue
      "Number of pixels by which to expand the primary objects", // Distance methods only
      "Discard the associated primary objects?", "Name the new primary objects", // only with border discarding
      // CorrectIlluminationCalculate settings of other methods (Regular, Splines) and of retained images
      "Dilate objects in the final averaged image?", "Dilation radius", "Approximate object diameter",
      "Retain the averaged image?", "Name the averaged image", "Retain the dilated image?",
      "Name the dilated image", "Automatically calculate spline parameters?", "Background mode",
      "Number of spline points", "Background threshold", "Image resampling factor",
      "Maximum number of iterations", "Residual value for convergence");

  static void compareAll(String what, Map<String, String> cp, Map<String, String> ours) {
    for (Map.Entry<String, String> e : cp.entrySet()) {
      if (NOT_APPLICABLE.contains(e.getKey())) {
        continue;
      }
      assertTrue(ours.containsKey(e.getKey()), what + ": setting not compared: " + e.getKey());
      String a = e.getValue();
      String b = ours.get(e.getKey());
      boolean numeric = a.matches("[-0-9.,]+");
      if (numeric) {
        String[] x = a.split(",");
        String[] y = b.split(",");
        assertEquals(x.length, y.length, what + ": " + e.getKey());
        for (int i = 0; i < x.length; i++) {
          assertEquals(Double.parseDouble(x[i]), Double.parseDouble(y[i]), 0, what + ": " + e.getKey());
        }
      } else {
        assertEquals(a, b, what + ": " + e.getKey());
      }
    }
  }

  @Test
  void cpjump1ReproducesEverySegmentationSettingOfTheCppipe() throws IOException {
    List<String> lines = Files.readAllLines(pipeline());
    ProfileSettings s = ProfileSettings.preset("cpjump1");

    Map<String, String> illum = module(lines, "CorrectIlluminationCalculate", 16);
    assertEquals(s.nucleiImage(), illum.get("Select the input image"));
    Map<String, String> ours = new LinkedHashMap<>();
    ours.put("Select how the illumination function is calculated", "Background");
    ours.put("Block size", Integer.toString(s.nucleiBackground().blockSize()));
    ours.put("Rescale the illumination function?", "No");
    ours.put("Calculate function for each image individually, or based on all images?", "Each");
    ours.put("Smoothing method", "Gaussian Filter");
    ours.put("Method to calculate smoothing filter size", "Manually");
    ours.put("Smoothing filter size", number(s.nucleiBackground().filterSize()));
    compareAll("CorrectIlluminationCalculate", illum, ours);
    Map<String, String> apply = module(lines, "CorrectIlluminationApply", 17);
    assertEquals("Subtract", apply.get("Select how the illumination function is applied"));
    assertEquals("Yes", apply.get("Set output image values less than 0 equal to 0?"));
    assertEquals("Yes", apply.get("Set output image values greater than 1 equal to 1?"));

    Map<String, String> primary = module(lines, "IdentifyPrimaryObjects", 18);
    PrimaryObjects.Options n = s.nuclei();
    ours = new LinkedHashMap<>();
    ours.put("Typical diameter of objects, in pixel units (Min,Max)", number(n.minDiameter()) + "," + number(n.maxDiameter()));
    ours.put("Discard objects outside the diameter range?", yesNo(n.discardOutsideRange()));
    ours.put("Discard objects touching the border of the image?", yesNo(n.discardBorder()));
    ours.put("Method to distinguish clumped objects", declump(n.unclump()));
    ours.put("Method to draw dividing lines between clumped objects", declump(n.dividingLines()));
    ours.put("Size of smoothing filter", number(n.smoothingFilterSizeInForce()));
    ours.put("Suppress local maxima that are closer than this minimum allowed distance", number(n.maximaSuppressionInForce()));
    ours.put("Fill holes in identified objects?", switch (n.fillHoles()) {
      case NEVER -> "Never";
      case AFTER_DECLUMPING -> "After declumping only";
      case AFTER_BOTH -> "After both thresholding and declumping";
    });
    ours.put("Automatically calculate size of smoothing filter for declumping?", yesNo(Double.isNaN(n.smoothingFilterSize())));
    ours.put("Automatically calculate minimum allowed distance between local maxima?", yesNo(Double.isNaN(n.maximaSuppression())));
    ours.put("Handling of objects if excessive number of objects identified", "Continue");
    threshold(primary, n.threshold(), ours);
    compareAll("IdentifyPrimaryObjects", primary, ours);
    assertTrue(Double.isNaN(n.neckRatio()), "cpjump1 must not add the neck merge CellProfiler does not have");
    assertEquals("CorrBlue", primary.get("Select the input image"));

    Map<String, String> secondary = module(lines, "IdentifySecondaryObjects", 19);
    SecondaryObjects.Options c = s.cells();
    ours = new LinkedHashMap<>();
    assertEquals(SecondaryMethod.WATERSHED_IMAGE, c.method());
    ours.put("Select the method to identify the secondary objects", "Watershed - Image");
    ours.put("Regularization factor", number(c.regularization()));
    ours.put("Discard secondary objects touching the border of the image?", "No");
    ours.put("Fill holes in identified objects?", yesNo(c.fillHoles()));
    threshold(secondary, c.threshold(), ours);
    compareAll("IdentifySecondaryObjects", secondary, ours);
    assertEquals(s.cellsImage(), secondary.get("Select the input image"));
  }

  @Test
  void syntheticVariantDiffersOnlyInTheTwoTunedNucleiSettings() {
    ProfileSettings real = ProfileSettings.preset("cpjump1");
    ProfileSettings syn = ProfileSettings.preset("cpjump1-synthetic");
    assertEquals("cpjump1-synthetic", syn.name());
    assertEquals(20, syn.nuclei().maximaSuppression());
    assertEquals(1.0, syn.nuclei().threshold().correctionFactor());
    assertNotEquals(real.nuclei(), syn.nuclei());
    PrimaryObjects.Options n = syn.nuclei();
    PrimaryObjects.Options back = new PrimaryObjects.Options(n.minDiameter(), n.maxDiameter(), n.discardOutsideRange(),
        n.discardBorder(), n.unclump(), n.dividingLines(), n.smoothingFilterSize(), real.nuclei().maximaSuppression(),
        n.fillHoles(), real.nuclei().threshold(), n.neckRatio());
    assertEquals(real.nuclei(), back);
    assertEquals(real.withName("x").withSegmentation(back, real.cells()), syn.withName("x").withSegmentation(back, syn.cells()));
    assertEquals(FillHoles.NEVER, real.nuclei().fillHoles());
  }
}
