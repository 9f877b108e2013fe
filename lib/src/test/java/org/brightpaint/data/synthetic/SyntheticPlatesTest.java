package org.brightpaint.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.brightpaint.data.Channel;
import org.brightpaint.data.LoadData;
import org.brightpaint.data.MoaGroup;
import org.brightpaint.data.Plate;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateMap;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Plates;
import org.brightpaint.data.Site;
import org.brightpaint.data.Well;
import org.brightpaint.data.io.Npy;
import org.brightpaint.data.io.Tiff16;
import org.brightpaint.image.LabelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic plates carry the biology they claim: MoA groups and cell lines differ in the
 * ground-truth phenotype and in simple image statistics, brightfield holds real but partial
 * information, and the same seed gives the same bytes.
 */
class SyntheticPlatesTest {

  @TempDir Path dir;

  private static final SyntheticOptions O = SyntheticOptions.ci();
  private static final Plate A549 = Plates.byBarcode("BR00116991");
  private static final Plate U2OS = Plates.byBarcode("BR00116995");

  /** Per-cell measurements from the rendered images and labels. */
  record CellStats(double nucleusArea, double cellArea, double dnaCv, double er, double agp, double truth) {}

  static List<CellStats> cells(Plate plate, List<Well> wells, int sites, Trait trait) {
    List<CellStats> out = new ArrayList<>();
    for (Well w : wells) {
      for (int f = 1; f <= sites; f++) {
        SiteRenderer.Rendered r = SyntheticPlates.renderSite(plate, w, f, O);
        out.addAll(measure(r, trait));
      }
    }
    return out;
  }

  static List<CellStats> measure(SiteRenderer.Rendered r, Trait trait) {
    int m = r.cells().count();
    int[] cl = r.cells().labels();
    int[] nl = r.nuclei().labels();
    short[] dna = r.counts().get(Channel.DNA);
    short[] er = r.counts().get(Channel.ER);
    short[] agp = r.counts().get(Channel.AGP);
    double[] nA = new double[m + 1];
    double[] cA = new double[m + 1];
    double[] dS = new double[m + 1];
    double[] dS2 = new double[m + 1];
    double[] eS = new double[m + 1];
    double[] aS = new double[m + 1];
    for (int p = 0; p < cl.length; p++) {
      int c = cl[p];
      if (c == 0) {
        continue;
      }
      cA[c]++;
      eS[c] += er[p] & 0xffff;
      aS[c] += agp[p] & 0xffff;
      if (nl[p] > 0) {
        double v = dna[p] & 0xffff;
        nA[nl[p]]++;
        dS[nl[p]] += v;
        dS2[nl[p]] += v * v;
      }
    }
    List<CellStats> out = new ArrayList<>();
    for (SiteRenderer.CellRecord rec : r.cellRecords()) {
      int k = rec.label();
      if (nA[k] < 10 || cA[k] < 20) {
        continue;
      }
      double mean = dS[k] / nA[k];
      double cv = Math.sqrt(Math.max(0, dS2[k] / nA[k] - mean * mean)) / mean;
      out.add(new CellStats(nA[k], cA[k], cv, eS[k] / cA[k], aS[k] / cA[k], rec.phenotype().get(trait)));
    }
    return out;
  }

  /** Welch's t statistic of a minus b. */
  static double welch(List<CellStats> a, List<CellStats> b, ToDoubleFunction<CellStats> f) {
    double[] x = a.stream().mapToDouble(f).toArray();
    double[] y = b.stream().mapToDouble(f).toArray();
    double mx = mean(x);
    double my = mean(y);
    return (mx - my) / Math.sqrt(var(x, mx) / x.length + var(y, my) / y.length);
  }

  static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }

  static double var(double[] v, double m) {
    double s = 0;
    for (double d : v) {
      s += (d - m) * (d - m);
    }
    return s / (v.length - 1);
  }

  static List<Well> wells(MoaGroup g, int n) {
    List<Well> w = PlateMap.jumpTarget1().wells(g);
    return w.subList(0, Math.min(n, w.size()));
  }

  @Test
  void eachMoaGroupDiffersFromDmsoInTruthAndImages() {
    List<CellStats> dmsoK = cells(A549, wells(MoaGroup.CONTROL, 4), 2, Trait.NUCLEUS_RADIUS);
    // Kinase: larger nuclei (truth: nucleus radius; image: nucleus area in the label image)
    List<CellStats> kin = cells(A549, wells(MoaGroup.KINASE, 4), 2, Trait.NUCLEUS_RADIUS);
    assertTrue(welch(kin, dmsoK, CellStats::truth) > 3, "kinase truth");
    assertTrue(welch(kin, dmsoK, CellStats::nucleusArea) > 3, "kinase nucleus area");

    List<CellStats> dmsoE = cells(A549, wells(MoaGroup.CONTROL, 4), 2, Trait.CHROMATIN_TEXTURE);
    List<CellStats> epi = cells(A549, wells(MoaGroup.EPIGENETIC, 4), 2, Trait.CHROMATIN_TEXTURE);
    assertTrue(welch(epi, dmsoE, CellStats::truth) < -3, "epigenetic truth");
    assertTrue(welch(epi, dmsoE, CellStats::dnaCv) < -3, "epigenetic DNA texture");

    List<CellStats> dmsoG = cells(U2OS, wells(MoaGroup.CONTROL, 4), 2, Trait.CELL_RADIUS);
    List<CellStats> gfr = cells(U2OS, wells(MoaGroup.GROWTH_FACTOR_RECEPTOR, 3), 2, Trait.CELL_RADIUS);
    assertTrue(welch(gfr, dmsoG, CellStats::truth) < -3, "GFR truth");
    assertTrue(welch(gfr, dmsoG, CellStats::cellArea) < -3, "GFR cell area");

    List<CellStats> dmsoP = cells(A549, wells(MoaGroup.CONTROL, 4), 2, Trait.ER_INTENSITY);
    List<CellStats> pro = cells(A549, wells(MoaGroup.PROTEASE, 2), 3, Trait.ER_INTENSITY);
    assertTrue(welch(pro, dmsoP, CellStats::truth) > 3, "protease truth");
    assertTrue(welch(pro, dmsoP, CellStats::er) > 3, "protease ER intensity");

    List<CellStats> dmsoL = cells(A549, wells(MoaGroup.CONTROL, 4), 2, Trait.GOLGI_DISPERSION);
    List<CellStats> lip = cells(A549, wells(MoaGroup.LIPID_SIGNALING, 1), 6, Trait.GOLGI_DISPERSION);
    assertTrue(welch(lip, dmsoL, CellStats::truth) > 3, "lipid truth");
    assertTrue(welch(lip, dmsoL, CellStats::agp) > 3, "lipid AGP intensity");
  }

  @Test
  void cellLinesDiffer() {
    List<Well> w = wells(MoaGroup.CONTROL, 3);
    List<CellStats> a = cells(A549, w, 2, Trait.CELL_RADIUS);
    List<CellStats> u = cells(U2OS, w, 2, Trait.CELL_RADIUS);
    assertTrue(welch(u, a, CellStats::truth) > 5, "U2OS cells are larger (truth)");
    assertTrue(welch(u, a, CellStats::cellArea) > 5, "U2OS cells are larger (labels)");
    assertTrue(welch(u, a, CellStats::nucleusArea) > 3, "U2OS nuclei are larger (labels)");
  }

  @Test
  void brightfieldPlanesDifferAndSeeTheCells() {
    SiteRenderer.Rendered r = SyntheticPlates.renderSite(A549, Well.parse("A02"), 1, O);
    double[] low = toDouble(r.counts().get(Channel.LOW_Z_BF));
    double[] mid = toDouble(r.counts().get(Channel.BRIGHTFIELD));
    double[] high = toDouble(r.counts().get(Channel.HIGH_Z_BF));
    double[] dLow = new double[low.length];
    double[] dHigh = new double[low.length];
    double[] phase = new double[low.length];
    for (int i = 0; i < low.length; i++) {
      dLow[i] = low[i] - mid[i];
      dHigh[i] = high[i] - mid[i];
      phase[i] = high[i] - low[i];
    }
    // transport of intensity: the defocus contrast flips sign between -5 and +5 um
    assertTrue(corr(dLow, dHigh) < -0.2, "LowZ and HighZ contrast have opposite sign: " + corr(dLow, dHigh));
    double[] cellMask = new double[low.length];
    double[] dna = toDouble(r.counts().get(Channel.DNA));
    for (int i = 0; i < low.length; i++) {
      cellMask[i] = r.cells().labels()[i] > 0 ? 1 : 0;
    }
    double cm = corr(absHighPass(phase, r.size()), cellMask);
    assertTrue(cm > 0.1, "brightfield phase contrast sits on cells: " + cm);
    double cd = Math.abs(corr(phase, dna));
    assertTrue(cd > 0.05 && cd < 0.9, "brightfield relates to DNA, partially: " + cd);
  }

  @Test
  void sameSeedSameBytesAndEnsureReuses() throws Exception {
    SyntheticOptions tiny = new SyntheticOptions(List.of(A549), List.of(Well.parse("A02"), Well.parse("A03")), 1, 64, 4, 7);
    PlateSet a = SyntheticPlates.ensure(dir.resolve("a"), tiny);
    PlateSet b = SyntheticPlates.generate(dir.resolve("b"), tiny);
    List<Path> fa = files(dir.resolve("a"));
    List<Path> fb = files(dir.resolve("b"));
    assertEquals(fa.stream().map(p -> dir.resolve("a").relativize(p)).toList(),
        fb.stream().map(p -> dir.resolve("b").relativize(p)).toList());
    for (int i = 0; i < fa.size(); i++) {
      assertArrayEquals(Files.readAllBytes(fa.get(i)), Files.readAllBytes(fb.get(i)), fa.get(i).toString());
    }
    // layout
    PlateFolder p = a.plate("BR00116991");
    assertEquals(2, p.sites().size());
    assertEquals(16, Files.list(p.images()).count());
    assertEquals(64, org.brightpaint.data.io.ImageReader.read(p.file(p.sites().get(0), Channel.HIGH_Z_BF)).width());
    assertEquals(64, Npy.readIllumination(p.illuminationFile(Channel.ER), 64, 64).width());
    assertEquals(2, LoadData.read(p.dir().resolve("load_data.csv")).rows().size());
    LabelImage nuc = GroundTruth.nuclei(p, p.sites().get(0));
    assertTrue(nuc.count() > 0);
    assertTrue(GroundTruth.cellTable(p).rows().size() >= nuc.count());
    // ensure() does not regenerate complete plates
    long before = Files.getLastModifiedTime(dir.resolve("a").resolve(SyntheticPlates.MARKER)).toMillis();
    Thread.sleep(20);
    SyntheticPlates.ensure(dir.resolve("a"), tiny);
    assertEquals(before, Files.getLastModifiedTime(dir.resolve("a").resolve(SyntheticPlates.MARKER)).toMillis());
    // another seed gives other pixels
    SyntheticPlates.generate(dir.resolve("c"), tiny.withSeed(8));
    Path img = Path.of("BR00116991/Images/r01c02f01p01-ch5sk1fk1fl1.tiff");
    assertTrue(!java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a").resolve(img)),
        Files.readAllBytes(dir.resolve("c").resolve(img))));
    assertEquals(b.barcodes(), a.barcodes());
  }

  @Test
  void fastAtan2IsCloseToAtan2() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(4);
    for (int i = 0; i < 100_000; i++) {
      double y = r.nextGaussian();
      double x = r.nextGaussian();
      assertEquals(Math.atan2(y, x), SiteRenderer.fastAtan2(y, x), 0.0015, y + ", " + x);
    }
    assertEquals(Math.PI / 2, SiteRenderer.fastAtan2(1, 0), 1e-9);
    assertEquals(-Math.PI / 2, SiteRenderer.fastAtan2(-1, 0), 1e-9);
    assertEquals(Math.PI, SiteRenderer.fastAtan2(0, -1), 1e-9);
  }

  @Test
  void ciPresetCoversEveryGroup() {
    var groups = O.wells().stream().map(w -> PlateMap.jumpTarget1().perturbation(w).group()).distinct().toList();
    for (MoaGroup g : MoaGroup.values()) {
      assertTrue(groups.contains(g), "CI wells cover " + g);
    }
    assertEquals(24, O.wells().size());
    assertEquals(8, O.plates().size());
  }

  static List<Path> files(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(".lock")).sorted().toList();
    }
  }

  static double[] toDouble(short[] s) {
    double[] d = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      d[i] = s[i] & 0xffff;
    }
    return d;
  }

  static double[] absHighPass(double[] v, int n) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    float[] lo = org.brightpaint.image.Filters.gaussian(f, n, n, 12);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.abs(v[i] - lo[i]);
    }
    return out;
  }

  static double corr(double[] a, double[] b) {
    double ma = mean(a);
    double mb = mean(b);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  @Test
  void illuminationIsEstimatedFromTheImagesNotCopiedFromTheRenderer(@TempDir Path dir) throws Exception {
    List<Well> wells = new ArrayList<>();
    for (int col = 1; col <= 24; col++) wells.add(Well.parse(String.format("B%02d", col)));
    SyntheticOptions o = new SyntheticOptions(List.of(A549), wells, 1, 96, 8, 7);
    PlateFolder p = SyntheticPlates.generate(dir, o).plate("BR00116991");
    PlateCamera cam = PlateCamera.of("BR00116991", o.size(), o.seed());
    for (Channel c : List.of(Channel.DNA, Channel.ER, Channel.MITO)) {
      float[] est = Npy.readIllumination(p.illuminationFile(c), 96, 96).pixels();
      float[] truth = cam.illuminationFunction(c);
      // compare shapes: both divided by their mean (the function's scale is arbitrary)
      double me = 0, mt = 0;
      for (int i = 0; i < est.length; i++) {
        me += est[i] / (double) est.length;
        mt += truth[i] / (double) truth.length;
      }
      double sum = 0, max = 0;
      for (int i = 0; i < est.length; i++) {
        double e = Math.abs((est[i] / me) / (truth[i] / mt) - 1);
        sum += e;
        max = Math.max(max, e);
      }
      double mean = sum / est.length;
      System.out.printf("illumination %s: estimate vs renderer truth, mean relative error %.4f, max %.4f (24 sites, 96 px)%n",
          c.cpName(), mean, max);
      assertTrue(mean > 1e-4, c + ": the plate ships the renderer's own function (error " + mean + ")");
      assertTrue(mean < 0.10, c + ": estimate too far from the truth: mean relative error " + mean);
    }
  }
}
