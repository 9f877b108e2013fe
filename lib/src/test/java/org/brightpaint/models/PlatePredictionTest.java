package org.brightpaint.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.brightpaint.data.Channel;
import org.brightpaint.data.LoadData;
import org.brightpaint.data.PhenixFileName;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.data.Site;
import org.brightpaint.data.Well;
import org.brightpaint.data.io.ImageReader;
import org.brightpaint.data.io.Npy;
import org.brightpaint.data.io.Tiff16;
import org.brightpaint.eval.QualityReport;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.PercentileNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Issue 15, observation 7 and "predictions drop in": a plate re-predicted by an identity
 * "generator" is written at the input's size, in its intensity space (illumination multiplied
 * back), under the same file names with a load_data.csv, and {@code quality} of the plate against
 * it gives SSIM 1 and PSNR infinity.
 */
class PlatePredictionTest {

  /** 20 intensity levels, each on 5 % of the pixels, so the 0.5 / 99.5 percentiles are the extremes. */
  private static FloatImage levels(int side) {
    float[] p = new float[side * side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        p[y * side + x] = 1000 + 500 * ((x * 31 + y * 17) % 20);
      }
    }
    return new FloatImage(side, side, p);
  }

  /** An illumination function of 1 on the left half and 2 on the right. */
  private static FloatImage twoLevelIllumination(int side) {
    float[] p = new float[side * side];
    for (int i = 0; i < p.length; i++) {
      p[i] = (i % side) < side / 2 ? 1f : 2f;
    }
    return new FloatImage(side, side, p);
  }

  /** A plate P1 of one site whose in-focus brightfield plane is a copy of its DNA stain. */
  private static PlateFolder plate(Path dir, int side, boolean illumination) throws Exception {
    Path images = Files.createDirectories(dir.resolve("Images"));
    FloatImage img = levels(side);
    Well a01 = Well.parse("A01");
    Tiff16.write(images.resolve(PhenixFileName.of(a01, 1, Channel.DNA).fileName()), img);
    Tiff16.write(images.resolve(PhenixFileName.of(a01, 1, Channel.BRIGHTFIELD).fileName()), img);
    if (illumination) {
      Path illum = Files.createDirectories(dir.resolve("illum"));
      Npy.write(illum.resolve("P1_IllumDNA.npy"), twoLevelIllumination(side));
      Npy.write(illum.resolve("P1_IllumBrightfield.npy"), twoLevelIllumination(side));
    }
    return PlateFolder.open(dir);
  }

  private static IdentityGenerator identity(PlateFolder plate, Preprocessing prep, int tile) {
    Site site = plate.sites().getFirst();
    PercentileNormalization.Scaling s = prep.apply(plate, site, List.of(Channel.BRIGHTFIELD)).scalings()
        .get(Channel.BRIGHTFIELD);
    Normalisation n = new Normalisation(prep.normalization().lowPercentile(), prep.normalization().highPercentile(),
        List.of(Channel.DNA), new double[] {s.low()}, new double[] {s.high()});
    return new IdentityGenerator(Channel.BRIGHTFIELD, Channel.DNA, n, tile);
  }

  @Test
  void identityRepredictionOfAPlateIsThePlateAtFullSize(@TempDir Path tmp) throws Exception {
    int side = 512;
    PlateFolder real = plate(tmp.resolve("P1"), side, true);
    Preprocessing prep = new Preprocessing(side, PercentileNormalization.paper(), true);
    PlatePrediction.Result r;
    try (IdentityGenerator g = identity(real, prep, 128)) {
      r = PlatePrediction.predict(g, real, new PlatePrediction.Options(prep, Sampling.defaults(), 0),
          tmp.resolve("pred"));
    }
    assertEquals(List.of(Channel.DNA), r.illuminationRestored(), r.summary());
    Path dna = r.dir().resolve("Images").resolve(PhenixFileName.of(Well.parse("A01"), 1, Channel.DNA).fileName());
    FloatImage back = ImageReader.read(dna).pixels();
    assertEquals(side, back.width());
    assertTrue(java.util.Arrays.equals(levels(side).pixels(), back.pixels()), "raw counts, illumination multiplied back");
    LoadData ld = LoadData.read(r.dir().resolve("load_data.csv"));
    assertEquals(dna.normalize(), ld.rows().getFirst().file(Channel.DNA, r.dir()));

    QualityReport q = QualityReport.compare(real.images(), r.dir().resolve("Images"),
        new QualityReport.Options(1.0, false, List.of(Channel.DNA), Set.of()));
    Table t = q.table();
    assertEquals(1, t.rowCount(), t.print());
    assertEquals(1.0, t.numberColumn("ssim").getDouble(0), 1e-12, t.print());
    assertEquals(Double.POSITIVE_INFINITY, t.numberColumn("psnr").getDouble(0), t.print());
  }

  @Test
  void predictionsHaveTheInputSizeNotThePreprocessingSize(@TempDir Path tmp) throws Exception {
    PlateFolder real = plate(tmp.resolve("P1"), 300, false);
    Preprocessing prep = new Preprocessing(256, PercentileNormalization.paper(), true);
    PlatePrediction.Result r;
    try (IdentityGenerator g = identity(real, prep, 128)) {
      r = PlatePrediction.predict(g, real, new PlatePrediction.Options(prep, Sampling.defaults(), 0),
          tmp.resolve("pred"));
    }
    assertEquals(300, r.width());
    FloatImage back = ImageReader.read(r.dir().resolve("Images").resolve(
        PhenixFileName.of(Well.parse("A01"), 1, Channel.DNA).fileName())).pixels();
    assertEquals(300, back.width());
    assertEquals(300, back.height());
    assertTrue(r.summary().contains("illumination-corrected"), r.summary());
  }
}
