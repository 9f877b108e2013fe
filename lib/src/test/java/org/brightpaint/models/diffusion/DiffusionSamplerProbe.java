package org.brightpaint.models.diffusion;

import ai.djl.Device;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import java.nio.file.*;
import java.util.*;
import org.brightpaint.config.RunSize;
import org.brightpaint.data.*;
import org.brightpaint.eval.*;
import org.brightpaint.image.FloatImage;
import org.brightpaint.models.*;

/**
 * Benchmark main (not a test): DNA quality of a trained ci diffusion checkpoint's DDIM samples on
 * 64 x 64 crops of the test plates, per sampler setting, against a mean-image proxy (mean of 16
 * sites of a training plate). Used to choose the ci sampler ({@link DiffusionOptions#CI_DDIM_STEPS});
 * figures in README, "Diffusion models at ci: why DDIM-2".
 *
 * <p>Plates are those of the synthetic ci plate set: test plates BR00116994 and BR00117026 (two
 * crops per site), training plate BR00116991 for the mean image.
 *
 * <p>Usage: {@code DiffusionSamplerProbe WORKSPACE MODEL SITES_PER_PLATE CONFIG...} where WORKSPACE
 * is a ci workspace ({@code runs/MODEL/checkpoint}, {@code plates/}), CONFIG is {@code U<steps>}
 * with an optional {@code o} (online instead of EMA weights) and {@code s<seed>}, e.g. {@code U10 U2 U2o U2s1}.
 * Prints normalised MSE and SSIM (as {@link org.brightpaint.eval.ImageQuality}) averaged over the
 * crops and writes the DNA crops as little-endian float32 next to the working directory's
 * {@code probe-*.f32}.
 */
public final class DiffusionSamplerProbe {
  private DiffusionSamplerProbe() {}

  /** @param a workspace, model, sites per test plate, configurations */
  public static void main(String[] a) throws Exception {
    Path ws = Path.of(a[0]);
    String model = a[1];
    a = java.util.Arrays.copyOfRange(a, 1, a.length);
    DiffusionGenerator g = (DiffusionGenerator) Generators.load(ws.resolve("runs/" + model + "/checkpoint/generator"), Device.cpu());
    Preprocessing prep = Preprocessing.of(RunSize.CI);
    List<Channel> in = g.options().inputs();
    int dna = g.options().outputs().indexOf(Channel.DNA);
    int[][] pos = {{32, 32}, {160, 160}};
    List<float[]> bf = new ArrayList<>(), real = new ArrayList<>();
    for (String pl : List.of("BR00116994", "BR00117026")) {
      PlateFolder plate = PlateFolder.open(ws.resolve("plates/" + pl));
      for (Site s : Site.spread(plate.sites(), Integer.parseInt(a[1]))) {
        var p = prep.apply(plate, s, new ArrayList<>(in) {{ add(Channel.DNA); }});
        for (int[] xy : pos) {
          float[] b = new float[3 * 64 * 64];
          for (int c = 0; c < 3; c++) crop(p.channels().get(in.get(c)), xy, b, c);
          float[] r = new float[64 * 64];
          crop(p.channels().get(Channel.DNA), xy, r, 0);
          bf.add(b); real.add(r);
        }
      }
    }
    // mean-image proxy: mean DNA of training sites
    PlateFolder tr = PlateFolder.open(ws.resolve("plates/BR00116991"));
    float[] mean = new float[256 * 256]; int n = 0;
    for (Site s : Site.spread(tr.sites(), 16)) {
      float[] px = prep.apply(tr, s, List.of(Channel.DNA)).channels().get(Channel.DNA).pixels();
      for (int i = 0; i < px.length; i++) mean[i] += px[i]; n++;
    }
    for (int i = 0; i < mean.length; i++) mean[i] /= n;
    FloatImage meanImg = new FloatImage(256, 256, mean);
    List<float[]> base = new ArrayList<>();
    for (int k = 0; k < real.size(); k++) { float[] r = new float[64 * 64]; crop(meanImg, pos[k % 2], r, 0); base.add(r); }
    report("baseline", real, base);
    int B = bf.size();
    float[] bfAll = new float[B * 3 * 64 * 64];
    for (int k = 0; k < B; k++) System.arraycopy(bf.get(k), 0, bfAll, k * 3 * 64 * 64, 3 * 64 * 64);
    NoiseSchedule sched = g.diffusionOptions().sampleSchedule();
    for (int ci = 2; ci < a.length; ci++) {
      String cfg = a[ci];
      java.util.regex.Matcher mm = java.util.regex.Pattern.compile("[UQ](\\d+)(o?)(?:s(\\d+))?").matcher(cfg);
      mm.matches();
      int steps = Integer.parseInt(mm.group(1));
      boolean online = !mm.group(2).isEmpty();
      long seed = mm.group(3) == null ? 0 : Long.parseLong(mm.group(3));
      long t0 = System.nanoTime();
      try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
        NDArray cond = m.create(bfAll, new Shape(B, 3, 64, 64));
        NDArray start = SeededNoise.of(seed).normal(m, new Shape(B, g.options().outputChannels(), 64, 64));
        int[] tau = DdimSampler.respace(sched.steps(), steps);
        NDArray out = DdimSampler.sample(sched, online ? (NoisePredictor) (x, i) -> g.denoiser().predictNoise(x, g.levelAt(x.getManager(), x.getShape().get(0), i), cond, false) : g.predictor(cond, 1.0), start, steps, 0, SeededNoise.of(0), g.diffusionOptions().prediction());
        float[] o = out.toFloatArray();
        List<float[]> pred = new ArrayList<>();
        for (int k = 0; k < B; k++) { float[] r = new float[64 * 64]; System.arraycopy(o, (k * g.options().outputChannels() + dna) * 4096, r, 0, 4096); pred.add(r); }
        report(cfg + " " + Arrays.toString(tau) + String.format(" %.1fs", (System.nanoTime() - t0) / 1e9), real, pred);
        dump(Path.of("probe-" + model + "-" + cfg + ".f32"), pred);
      }
    }
    dump(Path.of("probe-real.f32"), real);
    dump(Path.of("probe-mean.f32"), base);
  }
  static void crop(FloatImage img, int[] xy, float[] dst, int c) {
    for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) dst[c * 4096 + y * 64 + x] = img.at(xy[0] + x, xy[1] + y);
  }
  static void report(String name, List<float[]> real, List<float[]> pred) {
    double mse = 0, ssim = 0;
    for (int k = 0; k < real.size(); k++) {
      FloatImage r = new FloatImage(64, 64, real.get(k)), p = new FloatImage(64, 64, pred.get(k));
      ImageQuality q = ImageQuality.of(r, p, 2);
      mse += q.mse(); ssim += q.ssim();
    }
    System.out.printf("%-60s nMSE=%.4f nSSIM=%.4f%n", name, mse / real.size(), ssim / real.size());
  }
  static void dump(Path f, List<float[]> xs) throws Exception {
    java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(xs.size() * 4096 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (float[] x : xs) for (float v : x) bb.putFloat(v);
    Files.write(f, bb.array());
  }
}
