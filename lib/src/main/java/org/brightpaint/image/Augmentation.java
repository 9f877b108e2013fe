package org.brightpaint.image;

import java.util.random.RandomGenerator;

/**
 * Geometric augmentation for training: crops, flips and 90-degree rotations applied identically
 * to every channel of a sample (brightfield inputs and fluorescent targets must stay aligned).
 * Pure functions over arrays of same-size images; nothing is modified in place.
 */
public final class Augmentation {

  private Augmentation() {}

  /**
   * Crops every channel.
   *
   * @param channels same-size images
   * @param x left column
   * @param y top row
   * @param w width
   * @param h height
   * @return the crops
   */
  public static FloatImage[] crop(FloatImage[] channels, int x, int y, int w, int h) {
    FloatImage[] out = new FloatImage[channels.length];
    for (int c = 0; c < channels.length; c++) {
      FloatImage img = channels[c];
      if (x < 0 || y < 0 || x + w > img.width() || y + h > img.height()) {
        throw new IllegalArgumentException("Crop " + w + " x " + h + " at (" + x + ", " + y + ") leaves the "
            + img.width() + " x " + img.height() + " image");
      }
      float[] o = new float[w * h];
      for (int r = 0; r < h; r++) {
        System.arraycopy(img.pixels(), (y + r) * img.width() + x, o, r * w, w);
      }
      out[c] = new FloatImage(w, h, o);
    }
    return out;
  }

  /**
   * Mirrors left-right.
   *
   * @param img the image
   * @return {@code out(x, y) = img(w - 1 - x, y)}
   */
  public static FloatImage flipHorizontal(FloatImage img) {
    int w = img.width();
    float[] o = new float[img.pixels().length];
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < w; x++) {
        o[y * w + x] = img.pixels()[y * w + (w - 1 - x)];
      }
    }
    return new FloatImage(w, img.height(), o);
  }

  /**
   * Mirrors top-bottom.
   *
   * @param img the image
   * @return {@code out(x, y) = img(x, h - 1 - y)}
   */
  public static FloatImage flipVertical(FloatImage img) {
    int w = img.width();
    int h = img.height();
    float[] o = new float[img.pixels().length];
    for (int y = 0; y < h; y++) {
      System.arraycopy(img.pixels(), (h - 1 - y) * w, o, y * w, w);
    }
    return new FloatImage(w, h, o);
  }

  /**
   * Rotates by 90 degrees counter-clockwise (as numpy.rot90), k times.
   *
   * @param img the image
   * @param k quarter turns (any integer; taken mod 4)
   * @return the rotated image (width and height swap for odd k)
   */
  public static FloatImage rotate90(FloatImage img, int k) {
    k = Math.floorMod(k, 4);
    FloatImage cur = img;
    for (int i = 0; i < k; i++) {
      int w = cur.width();
      int h = cur.height();
      float[] o = new float[w * h];
      // numpy.rot90: out[i, j] = in[j, w - 1 - i]; out has h columns and w rows
      for (int r = 0; r < w; r++) {
        for (int c = 0; c < h; c++) {
          o[r * h + c] = cur.pixels()[c * w + (w - 1 - r)];
        }
      }
      cur = new FloatImage(h, w, o);
    }
    return k == 0 ? img.copy() : cur;
  }

  /**
   * A random crop of the given size (or the whole image when it is not larger), then a random
   * flip and a random number of quarter turns, the same for every channel.
   *
   * @param channels same-size images
   * @param cropSize crop width and height; 0 for no crop
   * @param flipsAndRotations whether to flip and rotate
   * @param rnd the random generator (seeded by the caller for reproducibility)
   * @return the augmented channels
   */
  public static FloatImage[] random(FloatImage[] channels, int cropSize, boolean flipsAndRotations, RandomGenerator rnd) {
    FloatImage[] out = channels;
    int w = channels[0].width();
    int h = channels[0].height();
    if (cropSize > 0 && (cropSize < w || cropSize < h)) {
      int cw = Math.min(cropSize, w);
      int ch = Math.min(cropSize, h);
      out = crop(channels, rnd.nextInt(w - cw + 1), rnd.nextInt(h - ch + 1), cw, ch);
    }
    if (flipsAndRotations) {
      boolean flip = rnd.nextBoolean();
      int k = rnd.nextInt(4);
      FloatImage[] r = new FloatImage[out.length];
      for (int c = 0; c < out.length; c++) {
        r[c] = rotate90(flip ? flipHorizontal(out[c]) : out[c], k);
      }
      out = r;
    }
    return out;
  }
}
