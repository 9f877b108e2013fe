package org.brightpaint.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.image.PercentileNormalization;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.Plates;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.data.synthetic.SyntheticOptions;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.brightpaint.training.EngineThreads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, sampling: K draws per site differ (Pix2Pix: dropout at inference), a rerun from the
 * recorded seeds reproduces every sample byte for byte, and UNet gives one point prediction.
 */
class PlateSamplingTest {

  @TempDir
  static Path tmp;

  static PlateFolder plate;

  @BeforeAll
  static void plates() {
    EngineThreads.set(1);
    plate = SyntheticPlates.ensure(tmp.resolve("plates"), new SyntheticOptions(Plates.benchmark(),
        SyntheticOptions.wellsCovering(1), 1, 128, 6, 3)).plates().getFirst();
  }

  private static PlatePrediction.Options options() {
    return new PlatePrediction.Options(new Preprocessing(128, PercentileNormalization.paper(), true),
        new Sampling(Sampling.Sampler.DDIM, 2, 41), 1);
  }

  private static byte[] file(Path dir, String name) throws Exception {
    try (var s = Files.walk(dir)) {
      Path f = s.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
      return Files.readAllBytes(f);
    }
  }

  private static String dnaName(Path sampleDir) throws Exception {
    try (var s = Files.list(sampleDir.resolve("Images"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.contains("-ch5")).findFirst().orElseThrow();
    }
  }

  @Test
  void pix2pixDrawsDifferAndARerunReproducesThemByteForByte() throws Exception {
    PlatePrediction.Samples a;
    PlatePrediction.Samples b;
    try (Generator g = Generators.create(GeneratorOptions.of(ModelKind.PIX2PIX, Preset.CI), Device.cpu())) {
      assertEquals(Stochasticity.DROPOUT, g.stochasticity());
      a = PlatePrediction.sample(g, plate, options(), 3, tmp.resolve("a"));
      b = PlatePrediction.sample(g, plate, options(), 3, tmp.resolve("b"));
    }
    assertEquals(List.of(41L, 42L, 43L), a.seeds());
    String csv = Files.readString(a.dir().resolve(PlatePrediction.SAMPLES_FILE));
    assertTrue(csv.contains("2,sample-02,42,DROPOUT,DDIM,2"), csv);
    String dna = dnaName(a.sampleDir(0));
    for (int k = 0; k < 3; k++) {
      assertArrayEquals(file(a.sampleDir(k), dna), file(b.sampleDir(k), dna), "sample " + (k + 1) + " reproduces");
    }
    assertFalse(java.util.Arrays.equals(file(a.sampleDir(0), dna), file(a.sampleDir(1), dna)),
        "different seeds give different dropout masks");
    assertTrue(Files.exists(a.sampleDir(2).resolve("load_data.csv")));
  }

  @Test
  void diffusionDrawsAreReproducibleFromTheirSeed() {
    try (Generator g = Generators.create(GeneratorOptions.of(ModelKind.PALETTE, Preset.CI), Device.cpu());
        ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager(Device.cpu())) {
      assertEquals(Stochasticity.SAMPLER_NOISE, g.stochasticity());
      ai.djl.ndarray.NDArray bf = m.randomUniform(-1, 1, new ai.djl.ndarray.types.Shape(1, 3, 64, 64));
      float[] a = g.draw(bf, new Sampling(Sampling.Sampler.DDIM, 2, 7)).toFloatArray();
      float[] b = g.draw(bf, new Sampling(Sampling.Sampler.DDIM, 2, 7)).toFloatArray();
      float[] c = g.draw(bf, new Sampling(Sampling.Sampler.DDIM, 2, 8)).toFloatArray();
      assertArrayEquals(a, b);
      assertFalse(java.util.Arrays.equals(a, c));
    }
  }

  @Test
  void unetGivesOnePointPrediction() throws Exception {
    try (Generator g = Generators.create(GeneratorOptions.of(ModelKind.UNET, Preset.CI), Device.cpu())) {
      assertEquals(Stochasticity.POINT, g.stochasticity());
      PlatePrediction.Samples s = PlatePrediction.sample(g, plate, options(), 8, tmp.resolve("u"));
      assertEquals(List.of(41L), s.seeds());
      assertFalse(Files.exists(s.dir().resolve("sample-02")));
      assertTrue(s.summary().contains("point prediction"), s.summary());
    }
  }
}
