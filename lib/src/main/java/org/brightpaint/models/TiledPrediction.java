package org.brightpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.brightpaint.image.FloatImage;

/**
 * Predicts a whole image of any size with a generator trained on square crops: overlapping tiles
 * are predicted one at a time (batch 1) and blended with a separable linear ramp, so tile seams
 * do not show.
 *
 * <p>Tiles of side {@code t} start every {@code t - overlap} pixels, the last one flush with the
 * image edge. Pixel {@code i} of a tile has weight {@code w(i) = min(1, (i + 1) / (overlap + 1),
 * (t - i) / (overlap + 1))} along each axis; the output is {@code sum(w * pred) / sum(w)}. Images
 * smaller than a tile are edge-padded up to it and cropped back.
 */
public final class TiledPrediction {

  private TiledPrediction() {}

  /**
   * Predicts every output channel of one image.
   *
   * @param generator the generator
   * @param brightfield the input planes in normalised units, one per {@code options().inputs()}, same size
   * @param tile tile side; rounded down to a multiple of {@code generator.sizeMultiple()}
   * @param overlap overlap in pixels, {@code 0 <= overlap < tile}
   * @param sampling the sampler for diffusion kinds (ignored otherwise)
   * @return one image per {@code options().outputs()}, in normalised units
   * @throws IllegalArgumentException when planes are missing or differ in size
   */
  public static List<FloatImage> predict(Generator generator, List<FloatImage> brightfield, int tile, int overlap,
      Sampling sampling) {
    GeneratorOptions o = generator.options();
    if (brightfield.size() != o.inputChannels()) {
      throw new IllegalArgumentException("Need " + o.inputChannels() + " brightfield planes " + o.inputs()
          + ", got " + brightfield.size());
    }
    FloatImage first = brightfield.get(0);
    for (FloatImage p : brightfield) {
      first.requireSameSize(p, "Brightfield plane");
    }
    int m = generator.sizeMultiple();
    int w = first.width();
    int h = first.height();
    int t = Math.max(m, (tile / m) * m);
    int pw = Math.max(w, t);
    int ph = Math.max(h, t);
    if (overlap < 0 || overlap >= t) {
      throw new IllegalArgumentException("Overlap must be in [0, " + t + "), got " + overlap);
    }
    int inC = o.inputChannels();
    int outC = o.outputChannels();
    float[] padded = new float[inC * ph * pw];
    for (int c = 0; c < inC; c++) {
      float[] src = brightfield.get(c).pixels();
      for (int y = 0; y < ph; y++) {
        int sy = Math.min(y, h - 1);
        for (int x = 0; x < pw; x++) {
          padded[(c * ph + y) * pw + x] = src[sy * w + Math.min(x, w - 1)];
        }
      }
    }
    double[] acc = new double[outC * ph * pw];
    double[] wsum = new double[ph * pw];
    float[] ramp = ramp(t, overlap);
    float[] tileIn = new float[inC * t * t];
    try (NDManager nm = NDManager.newBaseManager(generator.device())) {
      for (int y0 : starts(ph, t, overlap)) {
        for (int x0 : starts(pw, t, overlap)) {
          for (int c = 0; c < inC; c++) {
            for (int y = 0; y < t; y++) {
              System.arraycopy(padded, (c * ph + y0 + y) * pw + x0, tileIn, (c * t + y) * t, t);
            }
          }
          float[] out;
          try (NDManager sub = nm.newSubManager()) {
            NDArray in = sub.create(tileIn, new Shape(1, inC, t, t));
            out = generator.predict(in, sampling).toFloatArray();
          }
          for (int y = 0; y < t; y++) {
            for (int x = 0; x < t; x++) {
              double wt = (double) ramp[y] * ramp[x];
              int py = (y0 + y) * pw + x0 + x;
              wsum[py] += wt;
              for (int c = 0; c < outC; c++) {
                acc[c * ph * pw + py] += wt * out[(c * t + y) * t + x];
              }
            }
          }
        }
      }
    }
    List<FloatImage> result = new ArrayList<>();
    for (int c = 0; c < outC; c++) {
      float[] px = new float[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          px[y * w + x] = (float) (acc[c * ph * pw + y * pw + x] / wsum[y * pw + x]);
        }
      }
      result.add(new FloatImage(w, h, px));
    }
    return result;
  }

  /**
   * Tile start offsets along one axis.
   *
   * @param size padded image side, &gt;= tile
   * @param tile tile side
   * @param overlap overlap
   * @return start offsets, the last equal to {@code size - tile}
   */
  static int[] starts(int size, int tile, int overlap) {
    int stride = tile - overlap;
    int n = size <= tile ? 1 : 1 + (int) Math.ceil((size - tile) / (double) stride);
    int[] s = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = Math.min(i * stride, size - tile);
    }
    return s;
  }

  /**
   * The blending ramp of one axis.
   *
   * @param tile tile side
   * @param overlap overlap
   * @return {@code w(i)} for {@code i in [0, tile)}, all &gt; 0
   */
  static float[] ramp(int tile, int overlap) {
    float[] r = new float[tile];
    for (int i = 0; i < tile; i++) {
      r[i] = (float) Math.min(1.0, Math.min((i + 1.0) / (overlap + 1), (tile - (double) i) / (overlap + 1)));
    }
    return r;
  }
}
