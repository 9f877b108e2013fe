package org.brightpaint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.Channel;
import org.brightpaint.data.LoadData;
import org.brightpaint.data.Plate;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.Split;
import org.brightpaint.data.io.ImageReader;
import org.brightpaint.data.synthetic.SyntheticOptions;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.brightpaint.training.EngineThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, a user's own single plate (observations 6, 7, 8, 9, 10, 14, 15): train without
 * {@code plate.csv}, predict with the {@code train --out} folder at the input's size, skip the
 * held-out evaluation, validate {@code plate.csv} and accept a brightfield-only plate.
 */
class OwnPlateTest {

  /** Output of one command line. */
  record Run(int rc, String out) {}

  static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      PrintStream p = new PrintStream(captured, true);
      System.setOut(p);
      System.setErr(p);
      int rc = Brightpaint.run(args);
      return new Run(rc, captured.toString());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** One plate MYPLATE (not a benchmark barcode) of 4 wells x 1 site, {@code side} px, no plate.csv. */
  static Path ownPlate(Path tmp, int side) throws Exception {
    Path root = tmp.resolve("gen");
    SyntheticPlates.ensure(root, new SyntheticOptions(List.of(new Plate("MYPLATE", CellLine.U2OS, Split.TRAIN, 0, "")),
        SyntheticOptions.wellsCovering(4), 1, side, 6, 3));
    Path plate = root.resolve("MYPLATE");
    Files.delete(plate.resolve(PlateFolder.PLATE_INFO));
    return plate;
  }

  @Test
  void trainOnOnePlateWithoutPlateCsvHoldsOutWellsThenPredictTakesTheOutFolder(@TempDir Path tmp) throws Exception {
    EngineThreads.set(1);
    Path plate = ownPlate(tmp, 320);
    Path out = tmp.resolve("run");
    Run train = run("train", "--model", "unet", "--data", plate.toString(), "--steps", "2", "--out", out.toString(),
        "--device", "cpu");
    assertEquals(0, train.rc(), train.out());
    assertTrue(train.out().contains("seeded hold-out by well"), train.out());
    assertTrue(train.out().contains("--eval-crops"), "the held-out cap is printed: " + train.out());
    assertFalse(train.out().contains("NaN"), "no NaN in the cost table (observation 14): " + train.out());

    Path pred = tmp.resolve("pred");
    Run predict = run("predict", "--checkpoint", out.toString(), "--data", plate.toString(), "--out", pred.toString(),
        "--max-sites", "1", "--device", "cpu");
    assertEquals(0, predict.rc(), predict.out());
    Path p = pred.resolve("MYPLATE");
    LoadData ld = LoadData.read(p.resolve("load_data.csv"));
    assertEquals(320, ImageReader.read(ld.rows().getFirst().file(Channel.DNA, p)).width(),
        "predictions have the input's size, not the ci preprocessing's 256");
  }

  @Test
  void noEvalSkipsTheHeldOutComparisonAndTiming(@TempDir Path tmp) throws Exception {
    EngineThreads.set(1);
    Path plate = ownPlate(tmp, 256);
    Run train = run("train", "--model", "palette", "--data", plate.toString(), "--steps", "1", "--out",
        tmp.resolve("run").toString(), "--device", "cpu", "--no-eval");
    assertEquals(0, train.rc(), train.out());
    assertTrue(train.out().contains("skipped (--no-eval)"), train.out());
  }

  @Test
  void manifestAcceptsABrightfieldOnlyPlateAsPredictionInput(@TempDir Path tmp) throws Exception {
    Path plate = ownPlate(tmp, 64);
    Files.deleteIfExists(plate.resolve("load_data.csv"));
    try (var files = Files.list(plate.resolve("Images"))) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().matches(".*-ch[1-5]sk.*")) {
          Files.delete(f);
        }
      }
    }
    if (Files.isDirectory(plate.resolve("illum"))) {
      try (var files = Files.list(plate.resolve("illum"))) {
        for (Path f : files.toList()) {
          if (!f.getFileName().toString().matches(".*Illum(Brightfield|LowZBF|HighZBF)\\.npy")) {
            Files.delete(f);
          }
        }
      }
    }
    Run m = run("manifest", "--images", plate.toString());
    assertEquals(0, m.rc(), m.out());
    assertTrue(m.out().contains("brightfield only"), m.out());
  }

  @Test
  void manifestRejectsAnUnknownCellLineInPlateCsv(@TempDir Path tmp) throws Exception {
    Path plate = ownPlate(tmp, 64);
    Files.writeString(plate.resolve(PlateFolder.PLATE_INFO), "barcode,cell_line,split\nMYPLATE,neuron,train\n");
    Run m = run("manifest", "--images", plate.toString());
    assertEquals(1, m.rc(), m.out());
    assertTrue(m.out().contains("'neuron'") && m.out().contains("plate.csv"), m.out());
  }
}
