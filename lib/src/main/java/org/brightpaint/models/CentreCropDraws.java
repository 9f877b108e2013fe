package org.brightpaint.models;

import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brightpaint.data.Channel;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.data.Site;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.Augmentation;

/**
 * K draws ({@link Generator#draw}) of the centre crop of one site, in memory, beside the real
 * stains of the same crop: the cheap way to sample posteriors at ci size.
 *
 * <p>The whole site is preprocessed as in {@link PlatePrediction} (illumination, resize to S,
 * percentile normalisation over the whole site), then the centre {@code c x c} square of the
 * S x S planes is drawn with {@link TiledPrediction#draw} and mapped back to counts at the input's
 * scale ({@code c W / S} px, rounded), illumination multiplied back from the same crop of the
 * plate's function. Sample k uses seed {@code base.seed() + k}; a point predictor
 * ({@link Stochasticity#POINT}) gives one draw.
 *
 * @param site the site
 * @param x0 left edge of the crop in input pixels
 * @param y0 top edge of the crop in input pixels
 * @param side crop side in input pixels
 * @param stochasticity where the draws' randomness comes from
 * @param seeds seed of each draw
 * @param draws per draw, the predicted stains (counts, side x side)
 * @param real the real stains of the same crop (counts, side x side)
 */
public record CentreCropDraws(Site site, int x0, int y0, int side, Stochasticity stochasticity, List<Long> seeds,
    List<Map<Channel, FloatImage>> draws, Map<Channel, FloatImage> real) {

  /** Copies. */
  public CentreCropDraws {
    seeds = List.copyOf(seeds);
    draws = List.copyOf(draws);
    real = Map.copyOf(real);
  }

  /**
   * @param generator the generator
   * @param plate the plate holding the site's brightfield and real stains
   * @param site the site
   * @param prep the generator's preprocessing (S = its size)
   * @param base sampler; its seed is draw 1's
   * @param samples K &gt;= 1
   * @param crop crop side in preprocessed pixels, a multiple of the generator's size multiple, &lt;= S
   * @return the draws and the real crop
   */
  public static CentreCropDraws draw(Generator generator, PlateFolder plate, Site site, Preprocessing prep,
      Sampling base, int samples, int crop) {
    if (samples < 1) {
      throw new IllegalArgumentException("Samples must be >= 1, got " + samples);
    }
    GeneratorOptions go = generator.options();
    Preprocessing.Prepared p = prep.apply(plate, site, go.inputs());
    int s = p.size();
    if (crop <= 0 || crop > s || crop % generator.sizeMultiple() != 0) {
      throw new IllegalArgumentException("Crop must be in (0, " + s + "] and a multiple of "
          + generator.sizeMultiple() + ", got " + crop);
    }
    int c0 = (s - crop) / 2;
    List<FloatImage> in = new ArrayList<>();
    for (Channel c : go.inputs()) {
      in.add(Augmentation.crop(new FloatImage[] {p.channels().get(c)}, c0, c0, crop, crop)[0]);
    }
    int side = (int) Math.round((double) crop * p.sourceWidth() / s);
    int x0 = (int) Math.round((double) c0 * p.sourceWidth() / s);
    int y0 = (int) Math.round((double) c0 * p.sourceHeight() / s);
    Map<Channel, FloatImage> real = new TreeMap<>();
    Map<Channel, FloatImage> illum = new TreeMap<>();
    for (Channel ch : go.outputs()) {
      real.put(ch, Augmentation.crop(new FloatImage[] {plate.read(site, ch)}, x0, y0, side, side)[0]);
      if (prep.correctIllumination()) {
        plate.illumination(ch).ifPresent(f -> illum.put(ch,
            Augmentation.crop(new FloatImage[] {f}, x0, y0, side, side)[0]));
      }
    }
    Stochasticity st = generator.stochasticity();
    int k = st == Stochasticity.POINT ? 1 : samples;
    List<Long> seeds = new ArrayList<>();
    List<Map<Channel, FloatImage>> draws = new ArrayList<>();
    int tile = Math.min(go.imageSize(), crop);
    for (int i = 0; i < k; i++) {
      Sampling si = new Sampling(base.sampler(), base.steps(), base.seed() + i);
      List<FloatImage> pred = TiledPrediction.draw(generator, in, tile, tile / 4, si);
      Map<Channel, FloatImage> d = new TreeMap<>();
      for (int c = 0; c < go.outputs().size(); c++) {
        Channel ch = go.outputs().get(c);
        d.put(ch, PlatePrediction.toInputSpace(pred.get(c), generator.normalisation(), c, side, side,
            Optional.ofNullable(illum.get(ch))));
      }
      draws.add(d);
      seeds.add(si.seed());
    }
    return new CentreCropDraws(site, x0, y0, side, st, seeds, draws, real);
  }
}
