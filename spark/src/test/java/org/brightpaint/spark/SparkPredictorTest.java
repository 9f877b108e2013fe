package org.brightpaint.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.brightpaint.cli.Brightpaint;
import org.brightpaint.config.RunSize;
import org.brightpaint.data.Channel;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Plates;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.data.synthetic.SyntheticOptions;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.brightpaint.models.DeviceChoice;
import org.brightpaint.models.Generator;
import org.brightpaint.models.Generators;
import org.brightpaint.models.PlatePrediction;
import org.brightpaint.training.CheckpointFiles;
import org.brightpaint.training.EngineThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark prediction in local mode writes, byte for byte, what the single-machine
 * {@link PlatePrediction} writes: a real UNet checkpoint trained for 2 steps here (ci networks)
 * on synthetic 256 px plates with illumination functions, two plates x 2 sites as 4 tasks on
 * {@code local[2]}. The executor loads the generator once and reads each plate's illumination
 * functions once (not once per site).
 */
class SparkPredictorTest {

  @Test
  void localModeWritesTheSingleMachinePredictionsByteForByte(@TempDir Path dir) throws Exception {
    EngineThreads.set(1);
    Path plates = dir.resolve("plates");
    SyntheticPlates.ensure(plates, new SyntheticOptions(Plates.benchmark(), SyntheticOptions.wellsCovering(1), 2, 256, 6, 3));
    Path run = dir.resolve("run");
    assertEquals(0, Brightpaint.run("train", "--model", "unet", "--data", plates.toString(), "--steps", "2", "--no-eval",
        "--out", run.toString(), "--device", "cpu"));
    List<PlateFolder> two = PlateSet.open(plates).plates().subList(0, 2);
    assertTrue(Files.exists(two.get(0).illuminationFile(Channel.DNA)), "the plates have illumination functions");

    Path single = dir.resolve("single");
    try (Generator g = Generators.load(CheckpointFiles.generatorDir(run), DeviceChoice.AUTO.device())) {
      PlatePrediction.Options o = new PlatePrediction.Options(Preprocessing.of(RunSize.CI), g.defaultSampling(), 0);
      for (PlateFolder p : two) {
        PlatePrediction.Result r = PlatePrediction.predict(g, p, o, single);
        assertEquals(2, r.sites());
        assertEquals(5, r.illuminationRestored().size(), "illumination multiplied back");
      }
    }

    Path out = dir.resolve("spark");
    ExecutorModels.clear();
    try (SparkSession spark = SparkSession.builder().master("local[2]").appName("test")
        .config("spark.ui.enabled", "false").getOrCreate()) {
      SparkPredictor.Summary s = SparkPredictor.run(spark, List.of(two.get(0).dir(), two.get(1).dir()), run, RunSize.CI, 0, out);
      assertEquals(4, s.sites());
      assertEquals(256, s.width());
      assertEquals(1, ExecutorModels.generatorLoads(), "one generator for the executor, not one per task");
      assertEquals(2 * (3 + 5), ExecutorModels.illuminationReads(),
          "each plate's 3 input and 5 stain functions read once, not once per site");

      // byte for byte: the same files, the same bytes, plate by plate
      for (PlateFolder p : two) {
        List<String> expected = files(single.resolve(p.barcode()));
        assertEquals(1 + 2 * 5, expected.size(), "load_data.csv and 2 sites x 5 stains");
        assertEquals(expected, files(out.resolve(p.barcode())));
        for (String f : expected) {
          assertArrayEquals(Files.readAllBytes(single.resolve(p.barcode()).resolve(f)),
              Files.readAllBytes(out.resolve(p.barcode()).resolve(f)), p.barcode() + "/" + f);
        }
      }

      // a failed job leaves no output folder
      Path failed = dir.resolve("failed");
      Path broken = dir.resolve("broken");
      copy(two.get(0).dir(), broken);
      PlateFolder b = PlateFolder.open(broken);
      Files.delete(b.file(b.sites().get(1), Channel.BRIGHTFIELD)); // an input plane of the second site is missing
      assertThrows(Exception.class, () -> SparkPredictor.run(spark, List.of(broken), run, RunSize.CI, 0, failed));
      assertFalse(Files.exists(failed), "no partial output");
    } finally {
      ExecutorModels.clear();
    }
  }

  private static List<String> files(Path root) throws Exception {
    try (var s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
    }
  }

  private static void copy(Path from, Path to) throws Exception {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
