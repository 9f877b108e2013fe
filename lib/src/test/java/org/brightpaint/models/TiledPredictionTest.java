package org.brightpaint.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.Channel;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.Test;

/** A pointwise generator is reproduced exactly through tiling, padding and batching. */
class TiledPredictionTest {

  /** Output channel c = (c + 1) * input channel 0, pixel by pixel: tiling must not change it. */
  static final class Pointwise implements Generator {
    private final NDManager manager = NDManager.newBaseManager(Device.cpu());
    private final GeneratorOptions options = GeneratorOptions.of(ModelKind.UNET, Preset.CI).withImageSize(8);

    @Override public GeneratorOptions options() { return options; }
    @Override public Normalisation normalisation() { return Normalisation.defaults(Channel.FLUORESCENT); }
    @Override public Device device() { return Device.cpu(); }
    @Override public NDManager manager() { return manager; }
    @Override public Block network() { throw new UnsupportedOperationException(); }
    @Override public int sizeMultiple() { return 4; }
    @Override public long parameterCount() { return 0; }
    @Override public void save(Path dir) { throw new UnsupportedOperationException(); }
    @Override public void close() { manager.close(); }

    @Override
    public NDArray predict(NDArray bf) {
      NDArray x = bf.get(":, 0:1, :, :");
      return ai.djl.ndarray.NDArrays.concat(new ai.djl.ndarray.NDList(x, x.mul(2), x.mul(3), x.mul(4), x.mul(5)), 1);
    }
  }

  @Test
  void pointwiseGeneratorIsReproducedOnAnOddSizedImage() {
    int w = 13;
    int h = 6;
    float[] px = new float[w * h];
    for (int i = 0; i < px.length; i++) {
      px[i] = (i % 7) / 7f;
    }
    FloatImage a = new FloatImage(w, h, px);
    try (Pointwise g = new Pointwise()) {
      List<FloatImage> out = TiledPrediction.predict(g, List.of(a, a, a), 8, 3, Sampling.defaults());
      List<FloatImage> oneByOne = TiledPrediction.predict(g, List.of(a, a, a), 8, 3, Sampling.defaults(), 1);
      assertEquals(5, out.size());
      for (int c = 0; c < 5; c++) {
        assertEquals(w, out.get(c).width());
        assertEquals(h, out.get(c).height());
        for (int i = 0; i < px.length; i++) {
          assertEquals((c + 1) * px[i], out.get(c).pixels()[i], 1e-5, "channel " + c + " pixel " + i);
          assertEquals(out.get(c).pixels()[i], oneByOne.get(c).pixels()[i], 1e-6, "batch 1 vs 16, pixel " + i);
        }
      }
    }
  }

  @Test
  void manyTilesInSeveralBatchesAreStitchedExactly() {
    int w = 61;
    int h = 47;
    float[] px = new float[w * h];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) Math.sin(i * 0.37);
    }
    FloatImage a = new FloatImage(w, h, px);
    try (Pointwise g = new Pointwise()) {
      List<FloatImage> out = TiledPrediction.predict(g, List.of(a, a, a), 8, 2, Sampling.defaults(), 5);
      for (int i = 0; i < px.length; i++) {
        assertEquals(3 * px[i], out.get(2).pixels()[i], 1e-5, "pixel " + i);
      }
    }
  }
}
