package org.brightpaint.data.io;

import org.brightpaint.image.FloatImage;

/**
 * One single-channel image as stored in its file: the pixel values exactly (counts for integer
 * files, values for float files) and how they were stored.
 *
 * @param source the file (or resource) name, for messages
 * @param pixels the stored values, {@code width x height}, row-major; never NaN or infinite
 * @param format the sample format of the file
 */
public record RawImage(String source, FloatImage pixels, SampleFormat format) {

  /** Checks the parts. */
  public RawImage {
    if (source == null || pixels == null || format == null) {
      throw new IllegalArgumentException("source, pixels and format are required");
    }
  }

  /** @return columns */
  public int width() {
    return pixels.width();
  }

  /** @return rows */
  public int height() {
    return pixels.height();
  }

  /**
   * Intensities as CellProfiler's NamesAndTypes and LoadData load them (with the default
   * "rescale intensities" from the file's metadata): 8-bit values / 255, 16-bit values / 65535,
   * float values as stored ({@code FileImage.normalize_to_float32} in cellprofiler_core).
   *
   * @return intensities in [0, 1]
   * @throws UserError naming the file and the first pixel outside [0, 1] of a float image
   *     (CellProfiler would silently re-interpret such a file as integers of the same width; we
   *     ask the user for the maximum instead, see {@link #scaledBy(double)})
   */
  public FloatImage scaled() {
    if (format == SampleFormat.FLOAT32) {
      float[] p = pixels.pixels();
      for (int i = 0; i < p.length; i++) {
        if (p[i] < 0 || p[i] > 1) {
          throw new UserError("Float image " + source + " has value " + p[i] + " at pixel x=" + (i % width())
              + ", y=" + (i / width()) + ", outside [0, 1]; CellProfiler reads float images as stored: "
              + "save intensities in [0, 1] or as 8/16-bit integers, or give the raw maximum to rescale by");
        }
      }
      return pixels;
    }
    return scaledBy(format.maximum());
  }

  /**
   * Intensities as value / {@code maximum} (CellProfiler's manual rescale range (0, maximum)).
   *
   * @param maximum the stored value that means intensity 1, &gt; 0
   * @return the scaled image (values may exceed 1 when the file does)
   */
  public FloatImage scaledBy(double maximum) {
    if (!(maximum > 0) || Double.isInfinite(maximum)) {
      throw new UserError("Invalid rescale maximum " + maximum + " for " + source + "; give a positive number");
    }
    float[] p = pixels.pixels();
    float[] out = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = (float) (p[i] / maximum);
    }
    return new FloatImage(width(), height(), out);
  }
}
