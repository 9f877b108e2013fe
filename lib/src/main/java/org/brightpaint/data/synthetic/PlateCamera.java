package org.brightpaint.data.synthetic;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.brightpaint.data.Channel;

/**
 * The microscope and camera of one synthetic plate: per channel a smooth illumination falloff
 * (vignetting: a paraboloid with an off-centre peak and a tilt), a background level and a gain
 * in counts per unit stain, plus the brightfield lamp level. All counts include a camera offset
 * of {@value #OFFSET}.
 *
 * <p>The illumination functions vary from plate to plate (drawn from the plate's seed), as real
 * ones do; correcting for them is what {@code image.Illumination} is for.
 *
 * @param size image width and height in pixels
 * @param illumination per channel, {@code size * size} relative gains with mean about 1
 * @param background per channel, counts of unstained medium (before the offset)
 * @param gain per channel, counts per unit of stain
 * @param brightfieldLevel counts of the brightfield lamp through empty medium
 */
public record PlateCamera(int size, Map<Channel, float[]> illumination, Map<Channel, Double> background,
    Map<Channel, Double> gain, double brightfieldLevel) {

  /** Camera offset (counts at zero light). */
  public static final double OFFSET = 100;
  /** Gaussian read noise, counts. */
  public static final double READ_NOISE = 5;

  /** Copies. */
  public PlateCamera {
    illumination = Map.copyOf(illumination);
    background = Map.copyOf(background);
    gain = Map.copyOf(gain);
  }

  /**
   * The camera of a plate.
   *
   * @param plate the barcode (part of the seed)
   * @param size image size in pixels
   * @param seed the study seed
   * @return the camera
   */
  public static PlateCamera of(String plate, int size, long seed) {
    SplittableRandom rnd = new SplittableRandom(CompoundResponse.Seeds.mix(seed, CompoundResponse.Seeds.hash("camera:" + plate)));
    Map<Channel, float[]> illum = new TreeMap<>();
    Map<Channel, Double> bg = new TreeMap<>();
    Map<Channel, Double> gain = new TreeMap<>();
    double[] bfShape = {0.22 + 0.1 * rnd.nextDouble(), 0.1 * rnd.nextGaussian(), 0.1 * rnd.nextGaussian()};
    for (Channel c : Channel.values()) {
      double depth;
      double cx;
      double cy;
      if (c.isFluorescent()) {
        depth = 0.15 + 0.2 * rnd.nextDouble();
        cx = 0.5 + 0.12 * rnd.nextGaussian();
        cy = 0.5 + 0.12 * rnd.nextGaussian();
      } else {
        depth = bfShape[0] + 0.02 * rnd.nextGaussian();
        cx = 0.5 + bfShape[1] + 0.01 * rnd.nextGaussian();
        cy = 0.5 + bfShape[2] + 0.01 * rnd.nextGaussian();
      }
      double tx = 0.06 * rnd.nextGaussian();
      double ty = 0.06 * rnd.nextGaussian();
      float[] f = new float[size * size];
      for (int y = 0; y < size; y++) {
        double yy = (y + 0.5) / size;
        for (int x = 0; x < size; x++) {
          double xx = (x + 0.5) / size;
          double r2 = ((xx - cx) * (xx - cx) + (yy - cy) * (yy - cy)) / 0.5;
          double v = (1 - depth * r2) * (1 + tx * (xx - 0.5) + ty * (yy - 0.5));
          f[y * size + x] = (float) Math.max(0.2, v);
        }
      }
      illum.put(c, f);
      double plateFactor = Math.exp(0.1 * rnd.nextGaussian());
      // background and gain per stain (index = ordinal among Mito, AGP, RNA, ER, DNA); none for brightfield
      double[] bgs = {300, 260, 380, 340, 220};
      double[] gains = {2600, 2300, 2000, 2700, 5200};
      int k = Channel.FLUORESCENT.indexOf(c);
      bg.put(c, k < 0 ? 0.0 : bgs[k]);
      gain.put(c, k < 0 ? 0.0 : gains[k] * plateFactor);
    }
    return new PlateCamera(size, illum, bg, gain, 21_000 * Math.exp(0.05 * rnd.nextGaussian()));
  }

  /**
   * The illumination function as CellProfiler would save it: the true falloff divided by its 2nd
   * percentile, so that dividing an image by it flattens the field.
   *
   * @param channel the channel
   * @return {@code size * size} values &gt;= about 1
   */
  public float[] illuminationFunction(Channel channel) {
    float[] f = illumination.get(channel);
    float[] sorted = f.clone();
    java.util.Arrays.sort(sorted);
    float p2 = sorted[(int) Math.floor(0.02 * (sorted.length - 1))];
    float[] out = new float[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = Math.max(1f, f[i] / p2);
    }
    return out;
  }
}
