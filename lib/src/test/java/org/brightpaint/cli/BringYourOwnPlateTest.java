package org.brightpaint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.brightpaint.cli.OwnPlateTest.Run;
import org.brightpaint.data.Channel;
import org.brightpaint.data.LoadData;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.io.ImageReader;
import org.brightpaint.data.synthetic.OwnLayout;
import org.brightpaint.models.GeneratorFiles;
import org.brightpaint.training.CheckpointFiles;
import org.brightpaint.training.EngineThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, observation 10 and "any layout": a plate with phase planes and DAPI only, in the
 * user's own file names and PNGs, described by a LoadData CSV, trains (2 -> 1), predicts, is
 * compared by {@code quality} and profiled; a Phenix plate numbered unlike CPJUMP1 trains with a channel map; a
 * missing column or file in the CSV is a one-line error naming it (exit 1). On the code before
 * this change {@code --load-data}, {@code --inputs} and {@code --channel-map} did not exist for
 * {@code train} (exit 2) and the only generators were 3 brightfield planes -> 5 stains.
 */
class BringYourOwnPlateTest {

  /** The plate's LowZBF, HighZBF and DNA as Phase1, Phase2 and DNA PNGs with own names, and their LoadData CSV. */
  static Path ownCsv(Path tmp) throws Exception {
    Path plate = OwnPlateTest.ownPlate(tmp, 256);
    Map<Channel, String> renamed = new LinkedHashMap<>();
    renamed.put(Channel.LOW_Z_BF, "Phase1");
    renamed.put(Channel.HIGH_Z_BF, "Phase2");
    renamed.put(Channel.DNA, "DNA");
    return OwnLayout.write(PlateFolder.open(plate), renamed, tmp.resolve("own"));
  }

  @Test
  void phasePlanesAndDnaInOwnPngNamesTrainPredictAndProfileThroughALoadDataCsv(@TempDir Path tmp) throws Exception {
    EngineThreads.set(1);
    Path csv = ownCsv(tmp);
    String header = Files.readAllLines(csv).getFirst();
    assertTrue(header.contains("FileName_Phase1,") && header.contains("FileName_DNA,") && !header.contains("Mito"),
        "as a user writes it by hand, no CellProfiler Orig prefix: " + header);
    LoadData own = LoadData.read(csv);
    String well = own.rows().getFirst().site().well().name();
    assertEquals(well + "_s1_phase1.png", own.rows().getFirst().fileNames().get(Channel.named("Phase1")),
        "own names and PNGs");

    Path out = tmp.resolve("run");
    Run train = OwnPlateTest.run("train", "--model", "unet", "--load-data", csv.toString(), "--inputs", "Phase1,Phase2",
        "--outputs", "DNA", "--steps", "2", "--no-eval", "--out", out.toString(), "--device", "cpu");
    assertEquals(0, train.rc(), train.out());
    assertFalse(train.out().contains("not a Phenix image name"), train.out());
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(CheckpointFiles.generatorDir(out).resolve(GeneratorFiles.HEADER))) {
      p.load(in);
    }
    assertEquals("Phase1,Phase2", p.getProperty("options.inputs"), "the checkpoint records the input names");
    assertEquals("DNA", p.getProperty("options.outputs"), "the checkpoint records the output names");

    Path pred = tmp.resolve("pred");
    Run predict = OwnPlateTest.run("predict", "--checkpoint", out.toString(), "--load-data", csv.toString(), "--out",
        pred.toString(), "--max-sites", "1", "--device", "cpu");
    assertEquals(0, predict.rc(), predict.out());
    Path plate = pred.resolve("MYPLATE");
    LoadData ld = LoadData.read(plate.resolve("load_data.csv"));
    assertEquals(java.util.List.of(Channel.DNA), ld.channels(), "only the generator's outputs are written");
    Path dna = ld.rows().getFirst().file(Channel.DNA, plate);
    assertEquals(well + "_s1_DNA.tiff", dna.getFileName().toString());
    assertEquals(256, ImageReader.read(dna).width(), "at the input's size");

    Run quality = OwnPlateTest.run("quality", "--real", csv.getParent().toString(), "--pred", pred.toString(), "--out",
        tmp.resolve("quality").toString(), "--allow-partial");
    assertEquals(0, quality.rc(), "quality reads both layouts through their load_data.csv: " + quality.out());
    assertTrue(quality.out().contains("Wrote 1 rows"), "one site, DNA: " + quality.out());

    Run profile = OwnPlateTest.run("profile", "--load-data", plate.resolve("load_data.csv").toString(), "--preset",
        "nuclei", "--out", tmp.resolve("prof").toString());
    assertEquals(0, profile.rc(), profile.out());
  }

  @Test
  void manifestAcceptsOwnPngNamesThroughALoadDataCsvAndNamesAMissingOne(@TempDir Path tmp) throws Exception {
    Path csv = ownCsv(tmp);
    Run ok = OwnPlateTest.run("manifest", "--load-data", csv.toString());
    assertEquals(0, ok.rc(), ok.out());
    assertTrue(ok.out().contains("4 sites, OK") && !ok.out().contains("not a Phenix image name"), ok.out());
    String well = LoadData.read(csv).rows().getFirst().site().well().name();
    Path gone = csv.resolveSibling(well).resolve(well + "_s1_dna.png");
    Files.delete(gone);
    Run missing = OwnPlateTest.run("manifest", "--load-data", csv.toString());
    assertEquals(1, missing.rc(), missing.out());
    assertTrue(missing.out().contains("missing " + gone + " (FileName_DNA"), missing.out());
  }

  @Test
  void aLoadDataCsvWithoutTheOutputColumnIsOneLineErrorNamingIt(@TempDir Path tmp) throws Exception {
    Path csv = ownCsv(tmp);
    Path out = tmp.resolve("run");
    Run train = OwnPlateTest.run("train", "--model", "unet", "--load-data", csv.toString(), "--inputs", "Phase1,Phase2",
        "--outputs", "DAPI", "--steps", "1", "--no-eval", "--out", out.toString(), "--device", "cpu");
    assertEquals(1, train.rc(), train.out());
    assertTrue(train.out().contains("no FileName_DAPI column"), train.out());
    assertEquals(1, train.out().strip().lines().filter(l -> l.startsWith("brightpaint") || l.contains("\tat ")).count(),
        "one line, no stack trace: " + train.out());
    assertFalse(Files.exists(out.resolve("checkpoint")), "nothing trained");
  }

  @Test
  void aLoadDataCsvNamingAMissingFileIsOneLineErrorNamingIt(@TempDir Path tmp) throws Exception {
    Path csv = ownCsv(tmp);
    String well = LoadData.read(csv).rows().getLast().site().well().name();
    Path gone = csv.resolveSibling(well).resolve(well + "_s1_phase2.png");
    Files.delete(gone);
    Run train = OwnPlateTest.run("train", "--model", "unet", "--load-data", csv.toString(), "--inputs", "Phase1,Phase2",
        "--outputs", "DNA", "--steps", "1", "--no-eval", "--out", tmp.resolve("run").toString(), "--device", "cpu");
    assertEquals(1, train.rc(), train.out());
    assertTrue(train.out().contains(gone.toString()) && train.out().contains("FileName_Phase2"), train.out());
    assertFalse(train.out().contains("\tat "), train.out());
  }

  @Test
  void aPhenixPlateNumberedUnlikeCpjump1TrainsAndPredictsWithAChannelMap(@TempDir Path tmp) throws Exception {
    EngineThreads.set(1);
    Path plate = OwnPlateTest.ownPlate(tmp, 256);
    Files.deleteIfExists(plate.resolve("load_data.csv"));
    Files.deleteIfExists(plate.resolve("illum").resolve("MYPLATE_IllumDNA.npy"));
    // this source numbers DNA ch1 and the in-focus brightfield ch5; it has no other channels
    try (var files = Files.list(plate.resolve("Images"))) {
      for (Path f : files.sorted().toList()) {
        String n = f.getFileName().toString();
        if (n.contains("-ch5")) {
          Files.move(f, f.resolveSibling(n.replace("-ch5", "-ch1x")));
        } else if (n.contains("-ch8")) {
          Files.move(f, f.resolveSibling(n.replace("-ch8", "-ch5")));
        } else {
          Files.delete(f);
        }
      }
    }
    try (var files = Files.list(plate.resolve("Images"))) {
      for (Path f : files.toList()) {
        Files.move(f, f.resolveSibling(f.getFileName().toString().replace("-ch1x", "-ch1")));
      }
    }
    Path out = tmp.resolve("run");
    Run plain = OwnPlateTest.run("train", "--model", "unet", "--data", plate.toString(), "--inputs", "Brightfield",
        "--outputs", "DNA", "--steps", "1", "--no-eval", "--out", out.toString(), "--device", "cpu");
    assertEquals(1, plain.rc(), "CPJUMP1 numbering reads ch1 as Mito and has no ch8: " + plain.out());

    Run train = OwnPlateTest.run("train", "--model", "unet", "--data", plate.toString(), "--channel-map",
        "ch1=DNA,ch5=Brightfield", "--inputs", "Brightfield", "--outputs", "DNA", "--steps", "2", "--no-eval", "--out",
        out.toString(), "--device", "cpu");
    assertEquals(0, train.rc(), train.out());
    Path pred = tmp.resolve("pred");
    Run predict = OwnPlateTest.run("predict", "--checkpoint", out.toString(), "--data", plate.toString(),
        "--channel-map", "ch1=DNA,ch5=Brightfield", "--out", pred.toString(), "--max-sites", "1", "--device", "cpu");
    assertEquals(0, predict.rc(), predict.out());
    try (var files = Files.list(pred.resolve("MYPLATE").resolve("Images"))) {
      assertEquals(java.util.List.of("-ch1sk1fk1fl1.tiff"), files.map(f -> f.getFileName().toString().substring(12))
          .toList(), "DNA is written under the plate's own number, ch1");
    }
  }
}
