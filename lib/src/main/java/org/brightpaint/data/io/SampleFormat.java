package org.brightpaint.data.io;

/**
 * How one pixel is stored in an image file, which fixes how it is scaled to intensities.
 *
 * <p>CellProfiler's {@code FileImage.normalize_to_float32}
 * ({@code cellprofiler_core/image/abstract_image/file/_file_image.py}) divides unsigned integers
 * by their type's maximum, {@code 2^(8 * itemsize) - 1}, and keeps floats in [0, 1] as stored;
 * {@link #maximum()} is that divisor.
 */
public enum SampleFormat {
  /** Unsigned 8-bit integers, 0..255. */
  UINT8(255),
  /** Unsigned 16-bit integers, 0..65535. */
  UINT16(65535),
  /** IEEE 32-bit floats, read as stored. */
  FLOAT32(1);

  private final double maximum;

  SampleFormat(double maximum) {
    this.maximum = maximum;
  }

  /** @return the stored value that means intensity 1 (CellProfiler's {@code image.scale}) */
  public double maximum() {
    return maximum;
  }

  /** @return true for the integer formats */
  public boolean isInteger() {
    return this != FLOAT32;
  }
}
