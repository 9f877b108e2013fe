package org.brightpaint.data.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.brightpaint.data.Channel;
import org.brightpaint.data.Site;
import org.brightpaint.image.Filters;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;
import org.brightpaint.image.Resize;

/**
 * Draws one synthetic site: cells from their phenotypes, the five stains from the cells'
 * structures, the three brightfield planes from the same cells' optical path, then the camera.
 *
 * <h2>Stains (relative units, then counts via {@link PlateCamera})</h2>
 * <ul>
 *   <li>DNA: nucleus, brighter in the middle (thicker), times chromatin texture
 *       {@code 1 + 0.6 c (0.7 F1 + 0.5 F2)} with {@code c} = chromatin texture and F1, F2 unit
 *       band-limited noise fields (sigma 0.9 and 1.8 px).
 *   <li>RNA: Gaussian nucleoli inside the nucleus, faint nucleoplasm, cytoplasmic RNA decaying
 *       from the nucleus.
 *   <li>ER: nuclear envelope ring plus a reticular network (ridges of F2) decaying from the nucleus
 *       over {@code er_spread} of the cytoplasm.
 *   <li>AGP: cortical actin and plasma membrane at the cell edge, stress fibres (stripes along the
 *       cell's long axis), a Golgi blob beside the nucleus (dispersed by {@code golgi_dispersion}).
 *   <li>Mito: tubular network (ridges of F2) blended with punctate fragments (peaks of F1) by
 *       {@code mito_fragmentation}, decaying from the nucleus over {@code mito_spread}.
 * </ul>
 * Each stain is blurred by the optics (Gaussian PSF, sigma 1 px).
 *
 * <h2>Brightfield</h2>
 * Thickness h (a dome of the line's exponent plus a nuclear bulge, at most {@code height_um})
 * times refractive-index excess (cytoplasm {@code refractive_index_excess}, nucleoli +0.02,
 * mitochondria +0.006) gives the optical path difference OPD (um). Weak absorption
 * {@code A = s (0.012 DNA + 0.0025 h)}, s = {@value #ABSORPTION_SCALE}, gives the in-focus
 * intensity {@code I0 = exp(-A)}. The transport-of-intensity equation with uniform I0 gives the
 * plane at defocus z: {@code I(z) = I0 (1 + k z laplacian(OPD))} (Teague 1983; Streibl 1984),
 * k = {@value #CONDENSER_DAMPING} (partially coherent illumination), blurred by a defocus
 * Gaussian; planes: LowZBF z = -5 um (sigma 2.0 px), Brightfield z = +1 um (residual defocus,
 * sigma 0.8 px), HighZBF z = +5 um (sigma 2.4 px). The sign of z and the constants s, k and the
 * lamp level follow real cpg0000 brightfield (BR00116991 A01): nuclei faintly bright below focus
 * (+0.4 %), neutral in focus, dark above (-0.9 %), about 21,900 counts, CV 1-2 %
 * ({@code BrightfieldRealismTest} prints a synthetic site next to these). Brightfield therefore
 * sees thickness, refractive edges, nucleoli and dense DNA, faintly, but not which stain is where.
 *
 * <h2>Camera</h2>
 * {@code counts = Poisson(illum * (background + gain * stain)) + N(0, 5) + 100}, clipped to
 * 16 bits.
 *
 * <p>References: M. R. Teague, "Deterministic phase retrieval: a Green's function solution",
 * JOSA 73 (1983), doi:10.1364/JOSA.73.001434; N. Streibl, "Phase imaging by the transport
 * equation of intensity", Opt. Commun. 49 (1984), doi:10.1016/0030-4018(84)90079-8.
 */
public final class SiteRenderer {

  /** Pixel size of the Phenix 20x images, micrometres. */
  public static final double PIXEL_UM = 0.598;

  private static final int BINS = 256;

  /**
   * Damping of the defocus (transport-of-intensity) contrast by partially coherent illumination
   * (an open condenser aperture): fitted so that a synthetic site's nucleus contrast at +-5 um
   * matches real cpg0000 brightfield (see {@code BrightfieldRealismTest}).
   */
  static final double CONDENSER_DAMPING = 0.15;

  /** Scale of the weak absorption: unstained cells absorb almost nothing (real in-focus nuclei 0 %). */
  static final double ABSORPTION_SCALE = 0.2;

  private SiteRenderer() {}

  /**
   * What to draw.
   *
   * @param site the site
   * @param line the cell line's model
   * @param compound the well's compound response
   * @param cellsPerSite the options' cells per site (scaled by line density and toxicity)
   * @param seed the site's seed
   * @param camera the plate's camera
   */
  public record Spec(Site site, LineModel line, CompoundResponse compound, int cellsPerSite, long seed,
      PlateCamera camera) {}

  /**
   * One drawn cell.
   *
   * @param label its label in the ground-truth images, 1..n
   * @param x centre column, px
   * @param y centre row, px
   * @param nucleusArea nucleus area in the label image, px
   * @param cellArea cell area in the label image, px
   * @param phenotype its phenotype
   */
  public record CellRecord(int label, double x, double y, int nucleusArea, int cellArea, CellPhenotype phenotype) {}

  /**
   * A drawn site.
   *
   * @param site the site
   * @param size width and height
   * @param counts per channel, {@code size * size} unsigned 16-bit counts
   * @param nuclei nuclei ground truth (label = cell label)
   * @param cells cell ground truth
   * @param cellRecords one per labelled cell, in label order
   */
  public record Rendered(Site site, int size, Map<Channel, short[]> counts, LabelImage nuclei, LabelImage cells,
      List<CellRecord> cellRecords) {}

  private static final class Cell {
    CellPhenotype ph;
    double x;
    double y;
    double rc;
    double cosC;
    double sinC;
    double sqrtAc;
    float[] cellR = new float[BINS];
    double maxR;
    double rn;
    double cosN;
    double sinN;
    double sqrtAn;
    float[] nucR = new float[BINS];
    double nucleusReach2;
    double[] lobeX;
    double[] lobeY;
    double lobeScale;
    double golgiX;
    double golgiY;
    double golgiSigma;
    double fibreCos;
    double fibreSin;
    double fibrePhase;
    double fibrePeriod;
    double[] nucleoliX;
    double[] nucleoliY;
    double nucleoliSigma;
    double height;
    double dome;
  }

  /**
   * Draws a site.
   *
   * @param spec what to draw
   * @return counts, ground truth and per-cell records
   */
  public static Rendered render(Spec spec) {
    PlateCamera cam = spec.camera();
    int n = cam.size();
    int npx = n * n;
    SplittableRandom rnd = new SplittableRandom(spec.seed());
    LineModel line = spec.line();
    double expected = spec.cellsPerSite() * line.density() * Math.exp(spec.compound().cellCountShift());
    int count = Math.max(1, (int) Math.round(expected * Math.exp(0.15 * rnd.nextGaussian())));
    Cell[] cells = new Cell[count];
    for (int i = 0; i < count; i++) {
      cells[i] = makeCell(CellPhenotype.draw(line, spec.compound(), rnd), line, rnd);
    }
    place(cells, n, line.clustering(), rnd);
    for (Cell c : cells) {
      finishGeometry(c, rnd);
    }

    float[] f1 = noiseField(n, 0.9, rnd);
    float[] f2 = noiseField(n, 1.8, rnd);
    float[] f3 = coarseNoiseField(n, 5.0, rnd);

    // Pass 1: which cell owns each pixel (smallest normalised distance inside its outline).
    float[] best = new float[npx];
    java.util.Arrays.fill(best, 1f);
    int[] owner = new int[npx];
    java.util.Arrays.fill(owner, -1);
    for (int i = 0; i < count; i++) {
      Cell c = cells[i];
      int x0 = Math.max(0, (int) Math.floor(c.x - c.maxR));
      int x1 = Math.min(n - 1, (int) Math.ceil(c.x + c.maxR));
      int y0 = Math.max(0, (int) Math.floor(c.y - c.maxR));
      int y1 = Math.min(n - 1, (int) Math.ceil(c.y + c.maxR));
      double maxR2 = c.maxR * c.maxR;
      for (int y = y0; y <= y1; y++) {
        double dy = y + 0.5 - c.y;
        for (int x = x0; x <= x1; x++) {
          double dx = x + 0.5 - c.x;
          double u = (dx * c.cosC + dy * c.sinC) / c.sqrtAc;
          double v = (-dx * c.sinC + dy * c.cosC) * c.sqrtAc;
          double r2 = u * u + v * v;
          if (r2 >= maxR2) {
            continue;
          }
          double d = Math.sqrt(r2) / c.cellR[bin(v, u)];
          // a cell always owns its own nucleus: nuclear pixels compete with a much smaller distance
          double dn = nucleusDistance(c, x + 0.5, y + 0.5);
          if (dn < 1) {
            d = Math.min(d, 0.25 * dn);
          }
          int p = y * n + x;
          if (d < best[p]) {
            best[p] = (float) d;
            owner[p] = i;
          }
        }
      }
    }

    float[] dna = new float[npx];
    float[] rna = new float[npx];
    float[] er = new float[npx];
    float[] agp = new float[npx];
    float[] mito = new float[npx];
    float[] opd = new float[npx];
    float[] absorb = new float[npx];
    int[] cellLab = new int[npx];
    int[] nucLab = new int[npx];
    int[] cellArea = new int[count];
    int[] nucArea = new int[count];

    // Pass 2: stains, thickness and refractive index of the pixels each cell owns.
    for (int i = 0; i < count; i++) {
      Cell c = cells[i];
      CellPhenotype ph = c.ph;
      double dnaI = ph.get(Trait.DNA_INTENSITY);
      double tex = ph.get(Trait.CHROMATIN_TEXTURE);
      double nucleolarRna = ph.get(Trait.NUCLEOLAR_RNA);
      double cytoRna = ph.get(Trait.CYTOPLASMIC_RNA);
      double erI = ph.get(Trait.ER_INTENSITY);
      double erSpread = ph.get(Trait.ER_SPREAD);
      double cortex = ph.get(Trait.ACTIN_CORTEX);
      double fibres = ph.get(Trait.STRESS_FIBRES);
      double golgiI = ph.get(Trait.GOLGI_INTENSITY);
      double golgiDisp = ph.get(Trait.GOLGI_DISPERSION);
      double mitoI = ph.get(Trait.MITO_INTENSITY);
      double frag = ph.get(Trait.MITO_FRAGMENTATION);
      double mitoSpread = ph.get(Trait.MITO_SPREAD);
      double ri = ph.get(Trait.REFRACTIVE_EXCESS);
      double nucFrac = Math.min(0.8, c.rn / c.rc);
      int x0 = Math.max(0, (int) Math.floor(c.x - c.maxR));
      int x1 = Math.min(n - 1, (int) Math.ceil(c.x + c.maxR));
      int y0 = Math.max(0, (int) Math.floor(c.y - c.maxR));
      int y1 = Math.min(n - 1, (int) Math.ceil(c.y + c.maxR));
      for (int y = y0; y <= y1; y++) {
        for (int x = x0; x <= x1; x++) {
          int p = y * n + x;
          if (owner[p] != i) {
            continue;
          }
          double px = x + 0.5;
          double py = y + 0.5;
          double dc = best[p];
          cellLab[p] = i + 1;
          cellArea[i]++;
          double dn = nucleusDistance(c, px, py);
          if (dn < 1) {
            nucLab[p] = i + 1;
            nucArea[i]++;
          }
          double wn = clamp((1 - dn) * c.rn / 1.2 + 0.5);
          double wc = clamp((1 - dc) * c.rc / 1.2 + 0.5);
          double wcy = wc * (1 - wn);
          double q = Math.max(0, (dc - nucFrac) / (1 - nucFrac));
          double a = f1[p];
          double b = f2[p];

          double shape = 0.7 + 0.3 * Math.sqrt(Math.max(0, 1 - dn * dn));
          double dnaV = wn * dnaI * shape * Math.max(0.05, 1 + 0.6 * tex * (0.7 * a + 0.5 * b) + 0.8 * tex * Math.max(0, a - 1.2));
          double nucl = 0;
          if (dn < 1.1) {
            for (int k = 0; k < c.nucleoliX.length; k++) {
              double dx = px - c.nucleoliX[k];
              double dy = py - c.nucleoliY[k];
              nucl += Math.exp(-(dx * dx + dy * dy) / (2 * c.nucleoliSigma * c.nucleoliSigma));
            }
            nucl = Math.min(1.5, nucl) * wn;
          }
          double rnaV = nucleolarRna * (1.6 * nucl + 0.15 * wn) + cytoRna * Math.exp(-q / 0.6) * (1 + 0.3 * b) * wcy;
          double ring = (dn - 1) * c.rn;
          double ridge = Math.max(0, 1 - Math.abs(b) * 1.3);
          double erV = erI * (Math.exp(-q / erSpread) * (0.35 + 1.0 * ridge * ridge) * wcy
              + 0.6 * Math.exp(-ring * ring / 1.28) * wc);
          double edge = (1 - dc) * c.rc;
          double stripe = 0.5 + 0.5 * Math.cos(2 * Math.PI * ((px - c.x) * -c.fibreSin + (py - c.y) * c.fibreCos)
              / c.fibrePeriod + c.fibrePhase + 0.7 * f3[p] + 0.25 * b);
          double gx = px - c.golgiX;
          double gy = py - c.golgiY;
          double golgi = Math.exp(-(gx * gx + gy * gy) / (2 * c.golgiSigma * c.golgiSigma))
              * (1 + golgiDisp * 1.5 * Math.max(-0.6, a)) / (1 + golgiDisp);
          double agpV = cortex * 1.2 * Math.exp(-edge * edge / (2 * 1.3 * 1.3)) * wc
              + fibres * 1.3 * Math.pow(stripe, 6) * clamp(0.45 + 0.6 * f3[p] + 0.2 * a) * wcy * (0.6 + 0.4 * clamp(1 - q))
              + golgiI * 1.8 * golgi * wcy + 0.1 * wcy;
          double tub = Math.pow(ridge, 1.5) * 1.6;
          double punct = Math.max(0, a - 0.6) * 2.2;
          double mitoTex = (1 - frag) * tub + frag * punct;
          double mitoV = mitoI * Math.exp(-q / mitoSpread) * mitoTex * wcy;
          double hh = c.height * (0.75 * Math.pow(Math.max(0, 1 - dc * dc), c.dome) + 0.25 * Math.sqrt(Math.max(0, 1 - dn * dn)));
          double dRi = ri * (1 - 0.1 * wn) + 0.02 * nucl + 0.006 * mitoTex * wcy;
          dna[p] = (float) dnaV;
          rna[p] = (float) rnaV;
          er[p] = (float) erV;
          agp[p] = (float) agpV;
          mito[p] = (float) mitoV;
          opd[p] = (float) (hh * dRi);
          absorb[p] = (float) (0.012 * dnaV + 0.0025 * hh);
        }
      }
    }

    // Relabel cells that kept at least one pixel as 1..m.
    int[] newLabel = new int[count + 1];
    List<CellRecord> records = new ArrayList<>();
    int m = 0;
    for (int i = 0; i < count; i++) {
      if (cellArea[i] > 0) {
        newLabel[i + 1] = ++m;
        records.add(new CellRecord(m, cells[i].x, cells[i].y, nucArea[i], cellArea[i], cells[i].ph));
      }
    }
    for (int p = 0; p < npx; p++) {
      cellLab[p] = newLabel[cellLab[p]];
      nucLab[p] = newLabel[nucLab[p]];
    }

    Map<Channel, short[]> counts = new TreeMap<>();
    Map<Channel, float[]> stains = Map.of(Channel.DNA, dna, Channel.RNA, rna, Channel.ER, er, Channel.AGP, agp,
        Channel.MITO, mito);
    for (Channel ch : Channel.FLUORESCENT) {
      float[] s = Filters.gaussian(stains.get(ch), n, n, 1.0, 3.0);
      float[] illum = cam.illumination().get(ch);
      double bg = cam.background().get(ch);
      double gain = cam.gain().get(ch);
      short[] out = new short[npx];
      for (int p = 0; p < npx; p++) {
        out[p] = camera(illum[p] * (bg * (1 + 0.03 * f3[p]) + gain * s[p]), rnd);
      }
      counts.put(ch, out);
    }

    float[] opdBlur = Filters.gaussian(opd, n, n, 0.8, 3.0);
    float[] lap = Filters.laplacian(opdBlur, n, n);
    float[] i0 = new float[npx];
    for (int p = 0; p < npx; p++) {
      i0[p] = (float) Math.exp(-ABSORPTION_SCALE * absorb[p]);
      lap[p] /= (float) (PIXEL_UM * PIXEL_UM);
    }
    brightfield(counts, Channel.LOW_Z_BF, -5.0, 2.0, i0, lap, cam, rnd);
    brightfield(counts, Channel.BRIGHTFIELD, 1.0, 0.8, i0, lap, cam, rnd);
    brightfield(counts, Channel.HIGH_Z_BF, 5.0, 2.4, i0, lap, cam, rnd);

    return new Rendered(spec.site(), n, counts, new LabelImage(n, n, nucLab, m), new LabelImage(n, n, cellLab, m),
        records);
  }

  private static void brightfield(Map<Channel, short[]> counts, Channel ch, double zUm, double blurPx, float[] i0,
      float[] lap, PlateCamera cam, SplittableRandom rnd) {
    int npx = i0.length;
    float[] iz = new float[npx];
    for (int p = 0; p < npx; p++) {
      iz[p] = (float) Math.max(0.05, i0[p] * (1 + CONDENSER_DAMPING * zUm * lap[p]));
    }
    iz = Filters.gaussian(iz, cam.size(), cam.size(), blurPx, 3.0);
    float[] illum = cam.illumination().get(ch);
    short[] out = new short[npx];
    for (int p = 0; p < npx; p++) {
      out[p] = camera(illum[p] * cam.brightfieldLevel() * iz[p], rnd);
    }
    counts.put(ch, out);
  }

  /** Normalised distance of a point to the nearest nuclear lobe of a cell (&lt; 1 inside the nucleus). */
  private static double nucleusDistance(Cell c, double px, double py) {
    double dn = Double.MAX_VALUE;
    for (int k = 0; k < c.lobeX.length; k++) {
      double dx = px - c.lobeX[k];
      double dy = py - c.lobeY[k];
      if (dx * dx + dy * dy > c.nucleusReach2) {
        dn = Math.min(dn, 2);
        continue;
      }
      double u = (dx * c.cosN + dy * c.sinN) / c.sqrtAn;
      double v = (-dx * c.sinN + dy * c.cosN) * c.sqrtAn;
      dn = Math.min(dn, Math.sqrt(u * u + v * v) / (c.nucR[bin(v, u)] * c.lobeScale));
    }
    return dn;
  }

  private static short camera(double electrons, SplittableRandom rnd) {
    double v;
    if (electrons < 30) {
      double l = Math.exp(-electrons);
      int k = 0;
      double prod = rnd.nextDouble();
      while (prod > l) {
        k++;
        prod *= rnd.nextDouble();
      }
      v = k;
      v += PlateCamera.READ_NOISE * rnd.nextGaussian();
    } else {
      // Poisson(e) + N(0, r^2) is, for e >= 30, a normal of mean e and variance e + r^2
      v = electrons + Math.sqrt(electrons + PlateCamera.READ_NOISE * PlateCamera.READ_NOISE) * rnd.nextGaussian();
    }
    v += PlateCamera.OFFSET;
    long r = Math.round(v);
    return (short) Math.max(0, Math.min(65535, r));
  }

  private static double clamp(double v) {
    return v < 0 ? 0 : (v > 1 ? 1 : v);
  }

  private static int bin(double v, double u) {
    int b = (int) ((fastAtan2(v, u) + Math.PI) * (BINS / (2 * Math.PI)));
    return b >= BINS ? BINS - 1 : (b < 0 ? 0 : b);
  }

  /** atan2 to within 0.0015 rad (far below the 0.025 rad angle bins), without StrictMath's cost. */
  static double fastAtan2(double y, double x) {
    double ax = Math.abs(x);
    double ay = Math.abs(y);
    if (ax == 0 && ay == 0) {
      return 0;
    }
    double a = Math.min(ax, ay) / Math.max(ax, ay);
    double s = a * a;
    double r = ((-0.0464964749 * s + 0.15931422) * s - 0.327622764) * s * a + a;
    if (ay > ax) {
      r = Math.PI / 2 - r;
    }
    if (x < 0) {
      r = Math.PI - r;
    }
    return y < 0 ? -r : r;
  }

  private static Cell makeCell(CellPhenotype ph, LineModel line, SplittableRandom rnd) {
    Cell c = new Cell();
    c.ph = ph;
    c.rn = ph.get(Trait.NUCLEUS_RADIUS);
    c.rc = Math.max(ph.get(Trait.CELL_RADIUS), c.rn * 1.35);
    c.height = ph.get(Trait.HEIGHT);
    c.dome = line.domeExponent();
    return c;
  }

  /** Places cells: clustered ones around cluster centres, the rest uniformly; then pushes overlapping nuclei apart. */
  private static void place(Cell[] cells, int n, double clustering, SplittableRandom rnd) {
    int clusters = Math.max(1, (int) Math.round(cells.length / 6.0));
    double[] cx = new double[clusters];
    double[] cy = new double[clusters];
    for (int k = 0; k < clusters; k++) {
      cx[k] = n * (0.1 + 0.8 * rnd.nextDouble());
      cy[k] = n * (0.1 + 0.8 * rnd.nextDouble());
    }
    for (Cell c : cells) {
      if (rnd.nextDouble() < clustering) {
        int k = rnd.nextInt(clusters);
        c.x = cx[k] + 1.3 * c.rc * rnd.nextGaussian();
        c.y = cy[k] + 1.3 * c.rc * rnd.nextGaussian();
      } else {
        c.x = n * rnd.nextDouble();
        c.y = n * rnd.nextDouble();
      }
    }
    for (int it = 0; it < 12; it++) {
      for (int i = 0; i < cells.length; i++) {
        for (int j = i + 1; j < cells.length; j++) {
          Cell a = cells[i];
          Cell b = cells[j];
          double need = Math.max(1.25 * (a.rn + b.rn) * 1.2, 0.62 * (a.rc + b.rc));
          double dx = b.x - a.x;
          double dy = b.y - a.y;
          double d2 = dx * dx + dy * dy;
          if (d2 < need * need) {
            double d = Math.sqrt(d2) + 1e-6;
            double push = 0.5 * (need - d) / d;
            a.x -= dx * push;
            a.y -= dy * push;
            b.x += dx * push;
            b.y += dy * push;
          }
        }
      }
    }
    for (Cell c : cells) {
      c.x = Math.min(n + 0.3 * c.rc, Math.max(-0.3 * c.rc, c.x));
      c.y = Math.min(n + 0.3 * c.rc, Math.max(-0.3 * c.rc, c.y));
    }
  }

  private static void finishGeometry(Cell c, SplittableRandom rnd) {
    CellPhenotype ph = c.ph;
    double angC = Math.PI * rnd.nextDouble();
    c.cosC = Math.cos(angC);
    c.sinC = Math.sin(angC);
    c.sqrtAc = Math.sqrt(ph.get(Trait.CELL_ASPECT));
    double maxC = outline(c.cellR, c.rc, ph.get(Trait.CELL_IRREGULARITY), 2, 5, rnd);
    c.maxR = maxC * c.sqrtAc + 2;
    double angN = angC + 0.3 * rnd.nextGaussian();
    c.cosN = Math.cos(angN);
    c.sinN = Math.sin(angN);
    c.sqrtAn = Math.sqrt(ph.get(Trait.NUCLEUS_ASPECT));
    double maxN = outline(c.nucR, c.rn, ph.get(Trait.NUCLEUS_IRREGULARITY), 2, 4, rnd);
    double reach = 1.5 * maxN * c.sqrtAn + 2;
    c.nucleusReach2 = reach * reach;
    double offR = 0.12 * c.rc * rnd.nextDouble();
    double offA = 2 * Math.PI * rnd.nextDouble();
    double nx = c.x + offR * Math.cos(offA);
    double ny = c.y + offR * Math.sin(offA);
    if (ph.nucleusCount() == 2) {
      double sep = 0.75 * c.rn;
      c.lobeX = new double[] {nx - sep * c.cosN, nx + sep * c.cosN};
      c.lobeY = new double[] {ny - sep * c.sinN, ny + sep * c.sinN};
      c.lobeScale = 0.82;
    } else {
      c.lobeX = new double[] {nx};
      c.lobeY = new double[] {ny};
      c.lobeScale = 1;
    }
    double gA = 2 * Math.PI * rnd.nextDouble();
    double gR = c.rn * 1.1 + 0.2 * (c.rc - c.rn);
    c.golgiX = nx + gR * Math.cos(gA);
    c.golgiY = ny + gR * Math.sin(gA);
    c.golgiSigma = 0.45 * c.rn * (1 + 1.5 * ph.get(Trait.GOLGI_DISPERSION));
    double fA = angC + 0.2 * rnd.nextGaussian();
    c.fibreCos = Math.cos(fA);
    c.fibreSin = Math.sin(fA);
    c.fibrePhase = 2 * Math.PI * rnd.nextDouble();
    c.fibrePeriod = 4 + 3 * rnd.nextDouble();
    int k = ph.nucleoliCount() * c.lobeX.length;
    c.nucleoliX = new double[k];
    c.nucleoliY = new double[k];
    for (int j = 0; j < k; j++) {
      int lobe = j % c.lobeX.length;
      double r = 0.55 * c.rn * c.lobeScale * Math.sqrt(rnd.nextDouble());
      double a = 2 * Math.PI * rnd.nextDouble();
      c.nucleoliX[j] = c.lobeX[lobe] + r * Math.cos(a);
      c.nucleoliY[j] = c.lobeY[lobe] + r * Math.sin(a);
    }
    c.nucleoliSigma = 0.7 * ph.get(Trait.NUCLEOLI_SIZE);
  }

  /** Fills a radius-by-angle table r(theta) = r0 (1 + sum_k a_k cos(k theta + phi_k)); returns its maximum. */
  private static double outline(float[] table, double r0, double irregularity, int kMin, int kMax, SplittableRandom rnd) {
    int nk = kMax - kMin + 1;
    double[] amp = new double[nk];
    double[] phase = new double[nk];
    for (int k = 0; k < nk; k++) {
      amp[k] = irregularity * rnd.nextGaussian() / Math.sqrt(1 + k);
      phase[k] = 2 * Math.PI * rnd.nextDouble();
    }
    double max = 0;
    for (int b = 0; b < BINS; b++) {
      double th = -Math.PI + (b + 0.5) * 2 * Math.PI / BINS;
      double f = 1;
      for (int k = 0; k < nk; k++) {
        f += amp[k] * Math.cos((k + kMin) * th + phase[k]);
      }
      table[b] = (float) (r0 * Math.max(0.5, f));
      max = Math.max(max, table[b]);
    }
    return max;
  }

  /** A smooth noise field drawn at a quarter of the resolution and interpolated bilinearly (same statistics, 1/16 of the cost). */
  private static float[] coarseNoiseField(int n, double sigma, SplittableRandom rnd) {
    int m = Math.max(8, (n + 3) / 4);
    float[] small = noiseField(m, sigma * m / n, rnd);
    return Resize.bilinear(new FloatImage(m, m, small), n, n, false).pixels();
  }

  /** White Gaussian noise smoothed with a Gaussian of the given sigma, rescaled to unit variance. */
  private static float[] noiseField(int n, double sigma, SplittableRandom rnd) {
    float[] w = new float[n * n];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) rnd.nextGaussian();
    }
    float[] s = Filters.gaussian(w, n, n, sigma, 3.0);
    double ss = 0;
    for (float v : s) {
      ss += v * v;
    }
    float k = (float) (1 / Math.sqrt(ss / s.length + 1e-12));
    for (int i = 0; i < s.length; i++) {
      s[i] *= k;
    }
    return s;
  }
}
