package org.brightpaint.image;

import java.util.Arrays;

/**
 * A 2-D label image: 0 is background, {@code 1..count} are objects. Row-major like
 * {@link FloatImage}. Labels may have gaps (a label in {@code 1..count} with no pixel); measurement
 * functions report such objects as CellProfiler does (area 0, other features NaN).
 *
 * @param width columns
 * @param height rows
 * @param labels {@code width * height} labels, each in {@code 0..count}
 * @param count the largest label (number of objects, including any gaps)
 */
public record LabelImage(int width, int height, int[] labels, int count) {

  /** Validates the shape and label range. */
  public LabelImage {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("Label image size must be positive, got " + width + " x " + height);
    }
    if (labels == null || labels.length != (long) width * height) {
      throw new IllegalArgumentException(
          "Label image of " + width + " x " + height + " needs " + ((long) width * height)
              + " labels, got " + (labels == null ? "null" : labels.length));
    }
    if (count < 0) {
      throw new IllegalArgumentException("Object count must be >= 0, got " + count);
    }
  }

  /**
   * A label image whose count is its largest label.
   *
   * @param width columns
   * @param height rows
   * @param labels the labels (negative values are rejected)
   * @return the label image
   */
  public static LabelImage of(int width, int height, int[] labels) {
    int max = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException("Negative label " + labels[i] + " at index " + i);
      }
      max = Math.max(max, labels[i]);
    }
    return new LabelImage(width, height, labels, max);
  }

  /**
   * @param x column
   * @param y row
   * @return the label at (x, y)
   */
  public int at(int x, int y) {
    return labels[y * width + x];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelImage l && l.width == width && l.height == height && l.count == count
        && Arrays.equals(l.labels, labels);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(labels) + count;
  }

  @Override
  public String toString() {
    return "LabelImage[" + width + " x " + height + ", " + count + " objects]";
  }
}
