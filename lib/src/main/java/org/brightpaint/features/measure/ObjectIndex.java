package org.brightpaint.features.measure;

import org.brightpaint.image.LabelImage;

/**
 * The pixels of every object of a label image, grouped by label in raster order (compressed rows):
 * object {@code l} (1-based) owns {@code pixels[start[l-1] .. start[l])}, each a row-major index
 * {@code y * width + x}; with its bounding box ({@code minX..maxX}, {@code minY..maxY} inclusive,
 * -1 for labels without pixels). Built once per label image and shared by the measurement families
 * of a site (each family's {@code LabelImage} overload builds its own).
 */
public final class ObjectIndex {
  final LabelImage labels;
  final int width;
  final int height;
  final int count;
  final int[] start;
  final int[] pixels;
  final int[] minX;
  final int[] maxX;
  final int[] minY;
  final int[] maxY;

  private ObjectIndex(LabelImage labels) {
    this.labels = labels;
    width = labels.width();
    height = labels.height();
    count = labels.count();
    int[] lab = labels.labels();
    start = new int[count + 1];
    minX = new int[count];
    maxX = new int[count];
    minY = new int[count];
    maxY = new int[count];
    java.util.Arrays.fill(minX, -1);
    java.util.Arrays.fill(maxX, -1);
    java.util.Arrays.fill(minY, -1);
    java.util.Arrays.fill(maxY, -1);
    int[] sizes = new int[count + 1];
    for (int i = 0; i < lab.length; i++) {
      int l = lab[i];
      if (l < 0 || l > count) {
        throw new IllegalArgumentException(
            "Label " + l + " at x=" + (i % width) + ", y=" + (i / width) + " is outside 0.." + count);
      }
      sizes[l]++;
    }
    for (int o = 0; o < count; o++) {
      start[o + 1] = start[o] + sizes[o + 1];
    }
    pixels = new int[start[count]];
    int[] fill = new int[count];
    for (int l = 0; l < count; l++) {
      fill[l] = start[l];
    }
    for (int y = 0, i = 0; y < height; y++) {
      for (int x = 0; x < width; x++, i++) {
        int l = lab[i];
        if (l == 0) {
          continue;
        }
        int o = l - 1;
        pixels[fill[o]++] = i;
        if (minX[o] < 0) {
          minX[o] = x;
          maxX[o] = x;
          minY[o] = y;
          maxY[o] = y;
        } else {
          if (x < minX[o]) {
            minX[o] = x;
          }
          if (x > maxX[o]) {
            maxX[o] = x;
          }
          maxY[o] = y;
        }
      }
    }
  }

  /**
   * Indexes a label image.
   *
   * @param labels the labels
   * @return the index
   * @throws IllegalArgumentException on a label outside {@code 0..labels.count()}
   */
  public static ObjectIndex of(LabelImage labels) {
    Inputs.requireNonNull(labels, "labels");
    return new ObjectIndex(labels);
  }

  /** @return the indexed label image */
  public LabelImage labels() {
    return labels;
  }

  /**
   * @param o object index, 0-based
   * @return its pixel count
   */
  int size(int o) {
    return start[o + 1] - start[o];
  }
}
