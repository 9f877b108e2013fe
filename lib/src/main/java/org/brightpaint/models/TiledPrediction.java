package org.brightpaint.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.Tiling;

/**
 * Predicts a whole image of any size with a generator trained on square crops: the image is cut
 * into overlapping tiles by {@link Tiling}, the tiles go through the generator in batches of up to
 * {@link #DEFAULT_BATCH}, and the outputs are stitched back with {@link Tiling#stitch}'s linear
 * blending, so tile seams do not show.
 *
 * <p>Images smaller than a tile are edge-padded up to it and cropped back, so every tile has the
 * generator's input size. Tiles are independent: a generator that treats each batch element
 * independently (all five here, in inference mode) gives the same result for every batch size;
 * diffusion samplers draw their noise per call, so their samples depend on the batch grouping,
 * which is fixed by the batch size.
 */
public final class TiledPrediction {

  /** Tiles per forward pass by default: large enough to amortise per-call cost on a CPU. */
  public static final int DEFAULT_BATCH = 16;

  private TiledPrediction() {}

  /**
   * Predicts every fluorescent channel of a whole image, {@link #DEFAULT_BATCH} tiles per call.
   *
   * @param generator the generator
   * @param brightfield the input planes, in {@code generator.options().inputs()} order, same size
   * @param tile the tile side in pixels (rounded down to the generator's size multiple)
   * @param overlap overlap between neighbouring tiles in pixels, in [0, tile)
   * @param sampling how diffusion generators sample (ignored by the others)
   * @return one image per output channel, each the input's size, in normalised units
   */
  public static List<FloatImage> predict(Generator generator, List<FloatImage> brightfield, int tile, int overlap,
      Sampling sampling) {
    return predict(generator, brightfield, tile, overlap, sampling, DEFAULT_BATCH);
  }

  /**
   * Predicts every fluorescent channel of a whole image.
   *
   * @param generator the generator
   * @param brightfield the input planes, in {@code generator.options().inputs()} order, same size
   * @param tile the tile side in pixels (rounded down to the generator's size multiple)
   * @param overlap overlap between neighbouring tiles in pixels, in [0, tile)
   * @param sampling how diffusion generators sample (ignored by the others)
   * @param batch tiles per forward pass, &gt;= 1
   * @return one image per output channel, each the input's size, in normalised units
   */
  public static List<FloatImage> predict(Generator generator, List<FloatImage> brightfield, int tile, int overlap,
      Sampling sampling, int batch) {
    return run(generator, brightfield, tile, overlap, sampling, batch, false);
  }

  /**
   * Like {@link #predict(Generator, List, int, int, Sampling)}, but every tile batch is one
   * {@link Generator#draw} with {@code sampling.seed()}: a draw from the generator's predictive
   * distribution, reproducible from the seed.
   *
   * @param generator the generator
   * @param brightfield input planes, all the same size
   * @param tile tile side
   * @param overlap overlap between tiles
   * @param sampling sampler and the draw's seed
   * @return one image per output channel, input size
   */
  public static List<FloatImage> draw(Generator generator, List<FloatImage> brightfield, int tile, int overlap,
      Sampling sampling) {
    return run(generator, brightfield, tile, overlap, sampling, DEFAULT_BATCH, true);
  }

  private static List<FloatImage> run(Generator generator, List<FloatImage> brightfield, int tile, int overlap,
      Sampling sampling, int batch, boolean draw) {
    GeneratorOptions o = generator.options();
    if (brightfield.size() != o.inputChannels()) {
      throw new IllegalArgumentException("Need " + o.inputChannels() + " brightfield planes " + o.inputs()
          + ", got " + brightfield.size());
    }
    if (batch < 1) {
      throw new IllegalArgumentException("Tile batch must be >= 1, got " + batch);
    }
    FloatImage first = brightfield.get(0);
    for (FloatImage p : brightfield) {
      first.requireSameSize(p, "Brightfield plane");
    }
    int m = generator.sizeMultiple();
    int t = Math.max(m, (tile / m) * m);
    if (overlap < 0 || overlap >= t) {
      throw new IllegalArgumentException("Overlap must be in [0, " + t + "), got " + overlap);
    }
    int w = first.width();
    int h = first.height();
    List<FloatImage> planes = new ArrayList<>();
    for (FloatImage p : brightfield) {
      planes.add(padTo(p, Math.max(w, t), Math.max(h, t)));
    }
    Tiling tiling = Tiling.of(planes.get(0).width(), planes.get(0).height(), t, overlap);
    List<Tiling.Tile> tiles = tiling.tiles();
    int inC = o.inputChannels();
    int outC = o.outputChannels();
    List<List<FloatImage>> outputs = new ArrayList<>();
    for (int c = 0; c < outC; c++) {
      outputs.add(new ArrayList<>());
    }
    try (NDManager nm = NDManager.newBaseManager(generator.device())) {
      for (int k0 = 0; k0 < tiles.size(); k0 += batch) {
        int n = Math.min(batch, tiles.size() - k0);
        float[] in = new float[n * inC * t * t];
        for (int k = 0; k < n; k++) {
          for (int c = 0; c < inC; c++) {
            float[] px = tiling.extract(planes.get(c), tiles.get(k0 + k)).pixels();
            System.arraycopy(px, 0, in, (k * inC + c) * t * t, t * t);
          }
        }
        float[] out;
        try (NDManager sub = nm.newSubManager()) {
          NDArray x = sub.create(in, new Shape(n, inC, t, t));
          out = (draw ? generator.draw(x, sampling) : generator.predict(x, sampling)).toFloatArray();
        }
        for (int k = 0; k < n; k++) {
          for (int c = 0; c < outC; c++) {
            float[] px = new float[t * t];
            System.arraycopy(out, (k * outC + c) * t * t, px, 0, t * t);
            outputs.get(c).add(new FloatImage(t, t, px));
          }
        }
      }
    }
    List<FloatImage> result = new ArrayList<>();
    for (int c = 0; c < outC; c++) {
      result.add(cropTo(tiling.stitch(outputs.get(c)), w, h));
    }
    return result;
  }

  /** Edge-replicating pad of an image up to (pw, ph); the image itself when already that size. */
  private static FloatImage padTo(FloatImage img, int pw, int ph) {
    if (img.width() == pw && img.height() == ph) {
      return img;
    }
    float[] out = new float[pw * ph];
    for (int y = 0; y < ph; y++) {
      int sy = Math.min(y, img.height() - 1);
      for (int x = 0; x < pw; x++) {
        out[y * pw + x] = img.pixels()[sy * img.width() + Math.min(x, img.width() - 1)];
      }
    }
    return new FloatImage(pw, ph, out);
  }

  /** The top-left (w, h) of an image; the image itself when already that size. */
  private static FloatImage cropTo(FloatImage img, int w, int h) {
    if (img.width() == w && img.height() == h) {
      return img;
    }
    float[] out = new float[w * h];
    for (int y = 0; y < h; y++) {
      System.arraycopy(img.pixels(), y * img.width(), out, y * w, w);
    }
    return new FloatImage(w, h, out);
  }
}
