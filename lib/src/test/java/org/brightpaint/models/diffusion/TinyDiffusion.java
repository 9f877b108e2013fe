package org.brightpaint.models.diffusion;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Set;
import org.brightpaint.data.Channel;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Normalisation;
import org.brightpaint.models.Preset;
import org.brightpaint.models.Sampling;
import org.brightpaint.training.PairedSource;

/** Tiny diffusion generators and a synthetic paired source for tests. */
final class TinyDiffusion {

  private TinyDiffusion() {}

  static GeneratorOptions options(ModelKind kind, int size) {
    return new GeneratorOptions(kind, Preset.CI, size, 8, 2, 8, 0.1, Channel.BRIGHTFIELD_INPUTS,
        Channel.FLUORESCENT);
  }

  static DiffusionOptions diffusion(ModelKind kind) {
    DiffusionOptions ref = DiffusionOptions.of(kind, Preset.CI);
    return new DiffusionOptions(1, Set.of(2), 8, ref.trainSteps(), ref.trainBetaStart(), ref.trainBetaEnd(),
        ref.sampleSteps(), ref.sampleBetaStart(), ref.sampleBetaEnd(), ref.noiseInput(), 0.99, true, 0, 1, 0,
        false, new Sampling(Sampling.Sampler.DDIM, 5, 3), ref.prediction(), ref.timestepPower());
  }

  static DiffusionGenerator generator(ModelKind kind, int size, DiffusionOptions d, long seed) {
    return new DiffusionGenerator(options(kind, size), d, Normalisation.defaults(Channel.FLUORESCENT),
        Device.cpu(), seed);
  }

  /**
   * n synthetic pairs: brightfield planes are smooth ramps and blobs that depend on the index,
   * fluorescence channel c is tanh of a channel-specific mix of them.
   */
  static PairedSource source(int n, int size) {
    return new PairedSource() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public NDList get(int index, NDManager manager) {
        float[] bf = new float[3 * size * size];
        float[] fl = new float[5 * size * size];
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            double u = (x + 0.5) / size - 0.5;
            double v = (y + 0.5) / size - 0.5;
            double cx = 0.25 * Math.cos(index * 1.3);
            double cy = 0.25 * Math.sin(index * 0.7);
            double blob = Math.exp(-((u - cx) * (u - cx) + (v - cy) * (v - cy)) * 30);
            double[] planes = {blob * 1.6 - 0.8, u + v, Math.sin(6 * u) * 0.5 + blob * 0.3};
            for (int p = 0; p < 3; p++) {
              bf[(p * size + y) * size + x] = (float) planes[p];
            }
            for (int c = 0; c < 5; c++) {
              double val = Math.tanh((c + 1) * 0.6 * planes[0] + 0.4 * planes[(c % 2) + 1] - 0.2 * c);
              fl[(c * size + y) * size + x] = (float) val;
            }
          }
        }
        return new NDList(manager.create(bf, new Shape(3, size, size)),
            manager.create(fl, new Shape(5, size, size)));
      }
    };
  }
}
