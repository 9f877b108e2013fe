package org.brightpaint.features.measure;

import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/** Input checks shared by the measurement families: sizes first, then finite pixels. */
final class Inputs {
  private Inputs() {}

  /**
   * Throws unless the image and labels have the same size and every pixel is finite.
   *
   * @param image the intensity image
   * @param channel its name, used in messages
   * @param labels the objects
   */
  static void check(FloatImage image, String channel, LabelImage labels) {
    requireNonNull(image, "image " + channel);
    requireNonNull(labels, "labels");
    if (image.width() != labels.width() || image.height() != labels.height()) {
      throw new IllegalArgumentException(
          "Image " + channel + " is " + image.width() + " x " + image.height()
              + " but the label image is " + labels.width() + " x " + labels.height());
    }
    checkFinite(image, channel);
  }

  /**
   * Throws unless two images have the same size.
   *
   * @param a first image
   * @param aName its name
   * @param b second image
   * @param bName its name
   */
  static void sameSize(FloatImage a, String aName, FloatImage b, String bName) {
    if (a.width() != b.width() || a.height() != b.height()) {
      throw new IllegalArgumentException(
          "Image " + aName + " is " + a.width() + " x " + a.height() + " but image " + bName + " is "
              + b.width() + " x " + b.height());
    }
  }

  /**
   * Throws naming the first NaN or infinite pixel.
   *
   * @param image the image
   * @param channel its name
   */
  static void checkFinite(FloatImage image, String channel) {
    float[] p = image.pixels();
    for (int i = 0; i < p.length; i++) {
      if (!Float.isFinite(p[i])) {
        throw new IllegalArgumentException(
            "Image " + channel + " has a non-finite pixel (" + p[i] + ") at x=" + (i % image.width())
                + ", y=" + (i / image.width()));
      }
    }
  }

  /**
   * Throws unless two label images have the same size.
   *
   * @param a first
   * @param aName its name
   * @param b second
   * @param bName its name
   */
  static void sameSize(LabelImage a, String aName, LabelImage b, String bName) {
    if (a.width() != b.width() || a.height() != b.height()) {
      throw new IllegalArgumentException(
          "Label image " + aName + " is " + a.width() + " x " + a.height() + " but " + bName + " is "
              + b.width() + " x " + b.height());
    }
  }

  static void requireNonNull(Object o, String what) {
    if (o == null) {
      throw new IllegalArgumentException("Missing " + what + " (null)");
    }
  }

  /**
   * Throws unless the channel name is usable inside a CellProfiler feature name.
   *
   * @param channel the name
   */
  static void checkName(String channel) {
    if (channel == null || channel.isBlank() || channel.contains(",")) {
      throw new IllegalArgumentException("Invalid channel name '" + channel + "'");
    }
  }
}
