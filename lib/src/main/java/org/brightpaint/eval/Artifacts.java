package org.brightpaint.eval;

import org.brightpaint.image.FloatImage;

/**
 * Computes {@link ArtifactMeasures} for a predicted image against the real one: blur from the
 * {@link RadialSpectrum} (high-frequency band from {@value #HIGH_FREQUENCY_CUTOFF} cycles per pixel
 * to Nyquist), collapsed inner structure from the mean 5 x 5 local variance inside the real
 * image's Otsu foreground ({@link ForegroundMask}), intensity shift inside the foreground, and
 * offset and noise (standard deviation) in the background. Pure function; the mask may be given
 * (e.g. segmented cells) instead of Otsu's.
 */
public final class Artifacts {
  /** Lower edge of the high-frequency band, cycles per pixel. */
  public static final double HIGH_FREQUENCY_CUTOFF = 0.25;
  /** Half-width of the local-variance window (5 x 5). */
  public static final int LOCAL_RADIUS = 2;

  private Artifacts() {}

  /**
   * @param real the real image
   * @param pred the predicted image, same size
   * @return the measures with the real image's Otsu foreground
   */
  public static ArtifactMeasures measure(FloatImage real, FloatImage pred) {
    return measure(real, pred, ForegroundMask.otsu(real));
  }

  /**
   * @param real the real image
   * @param pred the predicted image, same size
   * @param foreground true for cell pixels, one per pixel
   * @return the measures
   */
  public static ArtifactMeasures measure(FloatImage real, FloatImage pred, boolean[] foreground) {
    real.requireSameSize(pred, "Artifacts");
    Checks.sameLengthFinite(real.pixels(), pred.pixels(), "Artifacts");
    if (foreground.length != real.pixels().length) {
      throw new IllegalArgumentException("Mask has " + foreground.length + " pixels, image " + real.pixels().length);
    }
    double hfReal = RadialSpectrum.highFrequencyPower(RadialSpectrum.of(real), HIGH_FREQUENCY_CUTOFF);
    double hfPred = RadialSpectrum.highFrequencyPower(RadialSpectrum.of(pred), HIGH_FREQUENCY_CUTOFF);
    double[] lvReal = localVariance(real), lvPred = localVariance(pred);
    double sr = 0, sp = 0, fr = 0, fp = 0, br = 0, bp = 0, br2 = 0, bp2 = 0;
    int nf = 0, nb = 0;
    float[] a = real.pixels(), b = pred.pixels();
    for (int i = 0; i < a.length; i++) {
      if (foreground[i]) {
        sr += lvReal[i];
        sp += lvPred[i];
        fr += a[i];
        fp += b[i];
        nf++;
      } else {
        br += a[i];
        bp += b[i];
        br2 += (double) a[i] * a[i];
        bp2 += (double) b[i] * b[i];
        nb++;
      }
    }
    double structure = nf == 0 || sr == 0 ? Double.NaN : sp / sr;
    double shift = nf == 0 ? Double.NaN : (fp - fr) / nf;
    double offset = nb == 0 ? Double.NaN : (bp - br) / nb;
    double sdR = nb == 0 ? Double.NaN : Math.sqrt(Math.max(0, br2 / nb - (br / nb) * (br / nb)));
    double sdP = nb == 0 ? Double.NaN : Math.sqrt(Math.max(0, bp2 / nb - (bp / nb) * (bp / nb)));
    return new ArtifactMeasures(hfReal == 0 ? Double.NaN : hfPred / hfReal, structure, shift, offset, sdR, sdP,
        nf / (double) a.length);
  }

  /** Variance in a (2r+1)^2 window clipped at the borders, via summed-area tables. */
  static double[] localVariance(FloatImage img) {
    int w = img.width(), h = img.height();
    double[] s = new double[(w + 1) * (h + 1)], s2 = new double[(w + 1) * (h + 1)];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double v = img.at(x, y);
        int i = (y + 1) * (w + 1) + x + 1;
        s[i] = v + s[i - 1] + s[i - (w + 1)] - s[i - (w + 1) - 1];
        s2[i] = v * v + s2[i - 1] + s2[i - (w + 1)] - s2[i - (w + 1) - 1];
      }
    }
    double[] out = new double[w * h];
    int r = LOCAL_RADIUS;
    for (int y = 0; y < h; y++) {
      int y0 = Math.max(0, y - r), y1 = Math.min(h, y + r + 1);
      for (int x = 0; x < w; x++) {
        int x0 = Math.max(0, x - r), x1 = Math.min(w, x + r + 1);
        double n = (double) (x1 - x0) * (y1 - y0);
        double sum = s[y1 * (w + 1) + x1] - s[y0 * (w + 1) + x1] - s[y1 * (w + 1) + x0] + s[y0 * (w + 1) + x0];
        double sum2 = s2[y1 * (w + 1) + x1] - s2[y0 * (w + 1) + x1] - s2[y1 * (w + 1) + x0] + s2[y0 * (w + 1) + x0];
        out[y * w + x] = Math.max(0, sum2 / n - (sum / n) * (sum / n));
      }
    }
    return out;
  }
}
