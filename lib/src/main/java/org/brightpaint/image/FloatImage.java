package org.brightpaint.image;

import java.util.Arrays;

/**
 * One 2-D single-channel image as a row-major float array: pixel (x, y) is
 * {@code pixels[y * width + x]}. The shared currency of the pure image functions in
 * {@code image}, {@code features} and {@code eval}. The array is not copied: callers that
 * mutate it own the consequences.
 *
 * @param width the number of columns, &gt; 0
 * @param height the number of rows, &gt; 0
 * @param pixels {@code width * height} values
 */
public record FloatImage(int width, int height, float[] pixels) {

  /** Validates the shape. */
  public FloatImage {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("Image size must be positive, got " + width + " x " + height);
    }
    if (pixels == null || pixels.length != (long) width * height) {
      throw new IllegalArgumentException(
          "Image of " + width + " x " + height + " needs " + ((long) width * height)
              + " pixels, got " + (pixels == null ? "null" : pixels.length));
    }
  }

  /**
   * A zero image.
   *
   * @param width columns
   * @param height rows
   * @return the image
   */
  public static FloatImage zeros(int width, int height) {
    return new FloatImage(width, height, new float[width * height]);
  }

  /**
   * @param x column
   * @param y row
   * @return the pixel value at (x, y)
   */
  public float at(int x, int y) {
    return pixels[y * width + x];
  }

  /** @return a deep copy */
  public FloatImage copy() {
    return new FloatImage(width, height, pixels.clone());
  }

  /**
   * Throws unless {@code other} has this image's size.
   *
   * @param other another image
   * @param what a description used in the message
   */
  public void requireSameSize(FloatImage other, String what) {
    if (other.width != width || other.height != height) {
      throw new IllegalArgumentException(
          what + ": size " + other.width + " x " + other.height + " does not match " + width + " x " + height);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatImage f && f.width == width && f.height == height && Arrays.equals(f.pixels, pixels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(pixels);
  }

  @Override
  public String toString() {
    return "FloatImage[" + width + " x " + height + "]";
  }
}
