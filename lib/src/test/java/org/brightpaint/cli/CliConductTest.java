package org.brightpaint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.brightpaint.data.io.TestTiffs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 observations 3, 4 and 11 at the command line: one line naming the file, exit 1, a
 * trace only with --debug, no partial output; observation 13: identical runs, identical bytes.
 */
class CliConductTest {

  @TempDir Path dir;

  /** Exit status and what went to stderr. */
  record Run(int rc, String err) {
    boolean oneLineWithoutTrace() {
      return err.strip().lines().count() == 1 && !err.contains("\tat ") && !err.contains("Exception:");
    }
  }

  static Run run(String... args) {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true));
      return new Run(Brightpaint.run(args), err.toString());
    } finally {
      System.setErr(oldErr);
    }
  }

  private Run profile(Path image, String... more) {
    List<String> a = new java.util.ArrayList<>(List.of("profile", "--preset", "examplehuman", "--image", "DNA=" + image,
        "--image", "PH3=" + image, "--out", dir.resolve("out").toString()));
    a.addAll(Arrays.asList(more));
    return run(a.toArray(String[]::new));
  }

  private static float[] ramp(int n, float max) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = max * i / (n - 1);
    }
    return v;
  }

  @Test
  void truncatedTiffIsOneLineNamingTheFileAndLeavesNoOutput() throws Exception {
    byte[] full = TestTiffs.encode(32, 32, TestTiffs.Kind.U16, 1, ramp(1024, 4000));
    Path cut = Files.write(dir.resolve("cut.tif"), Arrays.copyOf(full, full.length / 2));
    Run r = profile(cut);
    assertEquals(1, r.rc(), r.err());
    assertTrue(r.oneLineWithoutTrace() && r.err().contains("cut.tif") && r.err().contains("truncated"), r.err());
    assertFalse(Files.exists(dir.resolve("out")), "no output folder after a failure");
    try (var s = Files.list(dir)) {
      assertEquals(List.of("cut.tif"), s.map(p -> p.getFileName().toString()).toList(), "no temporary left");
    }
  }

  @Test
  void rgbAndNanAreRefusedInOneLine() throws Exception {
    Path rgb = Files.write(dir.resolve("rgb.tif"), TestTiffs.encode(4, 4, TestTiffs.Kind.U8, 3, new float[48]));
    Run r = profile(rgb);
    assertEquals(1, r.rc(), r.err());
    assertTrue(r.oneLineWithoutTrace() && r.err().contains("rgb.tif") && r.err().contains("samples per pixel"), r.err());
    float[] v = ramp(64, 1);
    v[9] = Float.NaN;
    Path nan = TestTiffs.write(dir.resolve("nan.tif"), 8, 8, TestTiffs.Kind.F32, v);
    r = profile(nan);
    assertEquals(1, r.rc(), r.err());
    assertTrue(r.oneLineWithoutTrace() && r.err().contains("nan.tif") && r.err().contains("x=1, y=1"), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void debugPrintsTheTrace() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.tif"), "not an image");
    Run r = profile(junk, "--debug");
    assertEquals(1, r.rc(), r.err());
    assertTrue(r.err().contains("\tat ") && r.err().contains("junk.tif"), r.err());
  }

  @Test
  void unknownCellLineIsOneLineAndBadUsageExitsTwo() {
    Run r = run("train", "--model", "unet", "--data", dir.toString(), "--out", dir.resolve("t").toString(),
        "--cell-line", "neuron");
    assertEquals(1, r.rc(), r.err());
    assertTrue(r.oneLineWithoutTrace() && r.err().contains("neuron"), r.err());
    assertEquals(2, run("profile", "--no-such-option").rc());
  }

  @Test
  void failedPredictLeavesNoOutput() {
    Run r = run("predict", "--checkpoint", dir.resolve("no-checkpoint").toString(), "--data", dir.toString(),
        "--out", dir.resolve("pred").toString());
    assertEquals(1, r.rc(), r.err());
    assertTrue(r.err().contains("brightpaint predict: ") && !r.err().contains("\tat "), r.err());
    assertFalse(Files.exists(dir.resolve("pred")));
  }

  @Test
  void identicalRunsGiveIdenticalBytes() throws Exception {
    // four sites cut from the ExampleHuman images (8-bit), profiled on three threads, twice
    String[] names = {"DNA", "PH3", "cellbody"};
    StringBuilder csv = new StringBuilder("Metadata_Plate,Metadata_Well,Metadata_Site");
    for (String n : names) {
      csv.append(",FileName_").append(n).append(",PathName_").append(n);
    }
    csv.append('\n');
    for (int s = 0; s < 4; s++) {
      csv.append("P1,A0").append(1 + s / 2).append(',').append(1 + s % 2);
      for (int c = 0; c < 3; c++) {
        org.brightpaint.image.FloatImage full;
        try (var in = getClass().getResourceAsStream(
            "/fixtures/example-human/AS_09125_050116030001_D03f00d" + c + ".tif")) {
          full = org.brightpaint.data.io.ImageReader.read(in, "d" + c).pixels();
        }
        int size = 224 - 32 * s; // the first site is the slowest: it finishes last on three threads
        float[] crop = new float[size * size];
        for (int y = 0; y < size; y++) {
          System.arraycopy(full.pixels(), (y + 40 * s) * full.width() + 60 * s, crop, y * size, size);
        }
        String file = "s" + s + "-" + names[c] + ".tif";
        TestTiffs.write(dir.resolve(file), size, size, TestTiffs.Kind.U8, crop);
        csv.append(',').append(file).append(',');
      }
      csv.append('\n');
    }
    Path loadData = Files.writeString(dir.resolve("load_data.csv"), csv.toString());
    for (String o : List.of("a", "b")) {
      Run r = run("profile", "--preset", "examplehuman", "--load-data", loadData.toString(), "--out",
          dir.resolve(o).toString(), "--threads", "3");
      assertEquals(0, r.rc(), r.err());
    }
    for (String f : List.of("Image.csv", "Nuclei.csv", "Cells.csv", "Cytoplasm.csv", "Wells.csv")) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
    }
    List<String> image = Files.readAllLines(dir.resolve("a").resolve("Image.csv"));
    int col = Arrays.asList(image.getFirst().split(",")).indexOf("ImageNumber");
    assertEquals(List.of("1", "2", "3", "4"), image.stream().skip(1).map(l -> l.split(",")[col]).toList(),
        "rows in site order, although the first site finishes last");
  }
}
