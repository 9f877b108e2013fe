package org.brightpaint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.LoadData;
import org.brightpaint.data.Plates;
import org.brightpaint.data.io.Tiff16;
import org.brightpaint.data.synthetic.SyntheticOptions;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.brightpaint.image.FloatImage;
import org.brightpaint.training.EngineThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brightpaint train} then {@code --resume}, then {@code brightpaint predict}, on one site per plate. */
class TrainPredictCommandTest {

  @Test
  void trainResumeAndPredictWritePhenixTiffsAndLoadData(@TempDir Path tmp) throws Exception {
    EngineThreads.set(1);
    Path plates = tmp.resolve("plates");
    SyntheticPlates.ensure(plates, new SyntheticOptions(Plates.benchmark(), SyntheticOptions.wellsCovering(1), 1, 256,
        6, 3));
    Path out = tmp.resolve("run");
    PrintStream old = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int first;
    int second;
    try {
      System.setOut(new PrintStream(captured, true));
      first = Brightpaint.run("train", "--model", "unet", "--data", plates.toString(), "--steps", "2", "--out",
          out.toString(), "--device", "cpu");
      second = Brightpaint.run("train", "--model", "unet", "--data", plates.toString(), "--steps", "3", "--out",
          out.toString(), "--resume", "--device", "cpu");
    } finally {
      System.setOut(old);
    }
    assertEquals(0, first, captured.toString());
    assertEquals(0, second, captured.toString());
    assertTrue(captured.toString().contains("Resuming at step 3 of 3"), captured.toString());
    assertTrue(Files.exists(out.resolve("checkpoint/generator/generator.properties")));

    Path pred = tmp.resolve("pred");
    assertEquals(0, Brightpaint.run("predict", "--checkpoint", out.resolve("checkpoint").toString(), "--data",
        plates.toString(), "--out", pred.toString(), "--max-sites", "1", "--device", "cpu"));
    Path plate = pred.resolve("BR00116991");
    LoadData ld = LoadData.read(plate.resolve("load_data.csv"));
    assertEquals(1, ld.rows().size());
    Path dna = ld.rows().get(0).file(org.brightpaint.data.Channel.DNA, plate);
    assertTrue(dna.getFileName().toString().matches("r\\d\\dc\\d\\df\\d\\dp01-ch5sk1fk1fl1\\.tiff"), dna.toString());
    FloatImage img = org.brightpaint.data.io.ImageReader.read(dna).pixels();
    assertEquals(256, img.width());
    try (var files = Files.list(plate.resolve("Images"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(5, names.size(), "one TIFF per fluorescent channel: " + names);
    }
  }

  @Test
  void unknownModelIsNamed() {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true));
      int rc = Brightpaint.run("train", "--model", "gan", "--data", "/nonexistent", "--out", "/tmp/x");
      assertTrue(rc != 0);
    } finally {
      System.setErr(oldErr);
    }
    assertTrue(err.toString().contains("Unknown model 'gan'"), err.toString());
  }
}
