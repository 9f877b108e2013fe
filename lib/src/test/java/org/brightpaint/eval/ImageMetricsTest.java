package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.Test;

class ImageMetricsTest {

  static FloatImage img(int w, int h, float... v) {
    return new FloatImage(w, h, v);
  }

  static FloatImage constant(int w, int h, float c) {
    float[] p = new float[w * h];
    java.util.Arrays.fill(p, c);
    return new FloatImage(w, h, p);
  }

  @Test
  void mseAndPsnrOfHandComputedCase() {
    FloatImage a = img(2, 2, 0, 0, 0, 0);
    FloatImage b = img(2, 2, 1, 1, 1, 1);
    assertEquals(1.0, Mse.of(a, b), 0);
    assertEquals(0.0, Psnr.of(a, b, 1), 1e-12);
    FloatImage c = img(2, 2, 0.1f, 0, 0, 0);
    // MSE = 0.01 / 4 = 0.0025 -> PSNR = 10 log10(1 / 0.0025) = 26.0206 dB
    assertEquals(0.0025, Mse.of(a, c), 1e-9);
    assertEquals(26.0206, Psnr.of(a, c, 1), 1e-4);
  }

  @Test
  void identicalImagesArePerfect() {
    FloatImage a = ramp(20, 16);
    ImageQuality q = ImageQuality.of(a, a.copy(), 1);
    assertEquals(0, q.mse());
    assertEquals(Double.POSITIVE_INFINITY, q.psnr());
    assertEquals(1.0, q.ssim(), 1e-12);
    assertEquals(1.0, q.pearson(), 1e-12);
  }

  @Test
  void identicalConstantImagesHaveSsimOneNotNaN() {
    FloatImage a = constant(12, 12, 0.4f);
    assertEquals(1.0, Ssim.of(a, a.copy(), 1), 1e-12);
    assertTrue(Double.isNaN(Pearson.of(a, a.copy())), "Pearson of constants is documented NaN");
  }

  @Test
  void constantOffsetKeepsStructureButLowersLuminanceTerm() {
    FloatImage a = ramp(20, 16);
    float[] p = a.pixels().clone();
    for (int i = 0; i < p.length; i++) p[i] += 0.1f;
    FloatImage b = new FloatImage(20, 16, p);
    assertEquals(0.01, Mse.of(a, b), 1e-7);
    assertEquals(20.0, Psnr.of(a, b, 1), 1e-4);
    assertEquals(1.0, Pearson.of(a, b), 1e-9);
    double s = Ssim.of(a, b, 1);
    assertTrue(s < 1 && s > 0.8, "offset SSIM " + s);
    // constant images differing by 0.1: variances zero, SSIM = luminance term exactly
    double mu1 = 0.2, mu2 = 0.3, c1 = 1e-4;
    double expected = (2 * mu1 * mu2 + c1) / (mu1 * mu1 + mu2 * mu2 + c1);
    assertEquals(expected, Ssim.of(constant(12, 12, 0.2f), constant(12, 12, 0.3f), 1), 1e-6);
  }

  @Test
  void knownGaussianNoiseGivesExpectedMse() {
    Random r = new Random(7);
    int w = 200, h = 200;
    float[] a = new float[w * h], b = new float[w * h];
    for (int i = 0; i < a.length; i++) {
      a[i] = 0.5f;
      b[i] = (float) (0.5 + 0.05 * r.nextGaussian());
    }
    double mse = Mse.of(new FloatImage(w, h, a), new FloatImage(w, h, b));
    assertEquals(0.0025, mse, 0.0025 * 0.03); // sigma^2 within 3%
    assertEquals(26.02, Psnr.ofMse(mse, 1), 0.15);
  }

  @Test
  void badInputsAreRejectedWithMessages() {
    FloatImage a = constant(12, 12, 0);
    var e = assertThrows(IllegalArgumentException.class, () -> Ssim.of(a, constant(12, 11, 0), 1));
    assertTrue(e.getMessage().contains("12 x 11"));
    assertThrows(IllegalArgumentException.class, () -> Ssim.of(a, a, 0));
    assertThrows(IllegalArgumentException.class, () -> Ssim.of(constant(5, 5, 0), constant(5, 5, 0), 1));
    float[] p = new float[144];
    p[3] = Float.NaN;
    var n = assertThrows(IllegalArgumentException.class, () -> Mse.of(a, new FloatImage(12, 12, p)));
    assertTrue(n.getMessage().contains("index 3"));
  }

  @Test
  void reflectIndexMatchesScipy() {
    // scipy reflect of n=4: index -1 -> 0, -2 -> 1, 4 -> 3, 5 -> 2
    assertEquals(0, Ssim.reflect(-1, 4));
    assertEquals(1, Ssim.reflect(-2, 4));
    assertEquals(3, Ssim.reflect(4, 4));
    assertEquals(2, Ssim.reflect(5, 4));
  }

  @Test
  void agreesWithScikitImageGoldenValues() throws IOException {
    List<String> lines = read("golden.csv");
    assertEquals(6, lines.size(), "header + 5 cases");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      FloatImage a = csv(f[0] + "_a.csv");
      FloatImage b = csv(f[0] + "_b.csv");
      double range = Double.parseDouble(f[1]);
      assertEquals(Double.parseDouble(f[2]), Mse.of(a, b), 1e-4 * Math.max(1, Double.parseDouble(f[2])), f[0]);
      assertEquals(Double.parseDouble(f[3]), Psnr.of(a, b, range), 1e-4, f[0]);
      assertEquals(Double.parseDouble(f[4]), Ssim.of(a, b, range), 1e-4, f[0]);
    }
  }

  @Test
  void normalisedMetricsAgreeWithScikitImage() throws IOException {
    // golden_normalised.csv: make_golden_normalised.py, scikit-image 0.19.3 (versions_normalised.txt)
    List<String> lines = read("golden_normalised.csv");
    assertEquals(4, lines.size(), "header + 3 cases");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      FloatImage a = csv("norm_" + f[0] + "_a.csv");
      FloatImage b = csv("norm_" + f[0] + "_b.csv");
      RobustRange rr = RobustRange.of(a);
      assertEquals(Double.parseDouble(f[1]), rr.lo(), 1e-3, f[0] + " lo");
      assertEquals(Double.parseDouble(f[2]), rr.hi(), 1e-3, f[0] + " hi");
      ImageQuality q = ImageQuality.of(a, b, 65535);
      assertEquals(Double.parseDouble(f[3]), q.mse(), 1e-4, f[0] + " mse");
      assertEquals(Double.parseDouble(f[4]), q.psnr(), 1e-4, f[0] + " psnr");
      assertEquals(Double.parseDouble(f[5]), q.ssim(), 1e-4, f[0] + " ssim");
      // the raw space is computed beside it, on the values as given
      assertEquals(Ssim.of(a, b, 65535), q.ssimRaw(), 0.0);
    }
  }

  @Test
  void normalisedSsimSeparatesAFlatPredictionThatRawSsimCannot() {
    // a dim stain (a few percent of 65535) and a flat prediction at its mean
    int w = 48, h = 48;
    float[] real = new float[w * h];
    java.util.Random r = new java.util.Random(3);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        real[y * w + x] = (float) ((300 + 2500 * Math.exp(-((x - 20) * (x - 20) + (y - 24) * (y - 24)) / 40.0)
            + 2000 * Math.exp(-((x - 36) * (x - 36) + (y - 10) * (y - 10)) / 20.0) + 40 * r.nextGaussian()) / 65535);
      }
    }
    FloatImage a = new FloatImage(w, h, real);
    double mean = 0;
    for (float v : real) mean += v / real.length;
    float[] flat = new float[w * h];
    java.util.Arrays.fill(flat, (float) mean);
    ImageQuality q = ImageQuality.of(a, new FloatImage(w, h, flat), 1);
    System.out.printf("flat prediction: SSIM raw %.3f, normalised %.3f%n", q.ssimRaw(), q.ssim());
    assertTrue(q.ssimRaw() > 0.9, "raw SSIM barely penalises a flat image: " + q.ssimRaw());
    assertTrue(q.ssim() < 0.5, "normalised SSIM does: " + q.ssim());
    assertTrue(Double.isNaN(ImageQuality.of(constant(16, 16, 0.1f), constant(16, 16, 0.2f), 1).ssim()), "flat real: no robust range");
  }

  static FloatImage ramp(int w, int h) {
    float[] p = new float[w * h];
    for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) p[y * w + x] = (x + 2f * y) / (w + 2f * h);
    return new FloatImage(w, h, p);
  }

  static List<String> read(String name) throws IOException {
    try (InputStream in = ImageMetricsTest.class.getResourceAsStream("/fixtures/skimage/" + name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }

  static FloatImage csv(String name) throws IOException {
    List<String> rows = read(name);
    int h = rows.size();
    int w = rows.get(0).split(",").length;
    float[] p = new float[w * h];
    for (int y = 0; y < h; y++) {
      String[] f = rows.get(y).split(",");
      for (int x = 0; x < w; x++) p[y * w + x] = (float) Double.parseDouble(f[x]);
    }
    return new FloatImage(w, h, p);
  }
}
