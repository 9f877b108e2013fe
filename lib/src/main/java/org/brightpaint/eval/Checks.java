package org.brightpaint.eval;

/** Input validation shared by the metric classes (package-private). */
final class Checks {
  private Checks() {}

  static void sameLengthFinite(float[] a, float[] b, String what) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(what + ": " + a.length + " values vs " + b.length);
    }
    if (a.length == 0) {
      throw new IllegalArgumentException(what + ": empty input");
    }
    finite(a, what + " (first image)");
    finite(b, what + " (second image)");
  }

  static void finite(float[] a, String what) {
    for (int i = 0; i < a.length; i++) {
      if (!Float.isFinite(a[i])) {
        throw new IllegalArgumentException(what + ": non-finite value " + a[i] + " at index " + i);
      }
    }
  }

  static void finite(double[] a, String what) {
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i])) {
        throw new IllegalArgumentException(what + ": non-finite value " + a[i] + " at index " + i);
      }
    }
  }

  static void dataRange(double dataRange) {
    if (!(dataRange > 0) || !Double.isFinite(dataRange)) {
      throw new IllegalArgumentException("data range must be finite and > 0, got " + dataRange);
    }
  }
}
