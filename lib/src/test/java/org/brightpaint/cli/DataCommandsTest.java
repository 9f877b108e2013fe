package org.brightpaint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.brightpaint.data.PlateValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandsTest {

  @TempDir Path dir;

  @Test
  void phantomWritesPlatesThatManifestAcceptsAndEveryProblemIsReported() throws Exception {
    assertEquals(0, Brightpaint.run("phantom", "--out", dir.toString(), "--plate", "BR00116991",
        "--plate", "XX1:U2OS", "--wells", "2", "--sites", "1", "--size", "48", "--seed", "3"));
    try (var files = Files.list(dir.resolve("XX1/Images"))) {
      assertEquals(16, files.count());
    }
    assertEquals(0, Brightpaint.run("manifest", "--images", dir.toString(), "--size", "48"));

    Path images = dir.resolve("BR00116991/Images");
    var names = org.brightpaint.data.PlateFolder.open(dir.resolve("BR00116991")).listImages();
    String gone = names.get(2).fileName();
    String spoiled = names.get(12).fileName();
    Files.delete(images.resolve(gone));
    Files.writeString(images.resolve("notes.txt"), "hi");
    Files.write(images.resolve(spoiled), new byte[] {1, 2});
    PlateValidator.Report r = PlateValidator.validate(dir, 48);
    String text = r.format();
    assertTrue(text.contains("missing") && text.contains(gone), text);
    assertTrue(text.contains("extra") && text.contains("notes.txt"), text);
    assertTrue(text.contains("bad") && text.contains(spoiled), text);
    assertEquals(1, r.plates().stream().filter(p -> !p.ok()).count());
    assertEquals(1, Brightpaint.run("manifest", "--images", dir.toString()));

    // a plate without load_data.csv gets one built when complete
    Files.delete(dir.resolve("XX1/load_data.csv"));
    PlateValidator.PlateReport xx = PlateValidator.validate(org.brightpaint.data.PlateFolder.open(dir.resolve("XX1")), 0);
    assertTrue(xx.ok());
    assertTrue(Files.exists(dir.resolve("XX1/load_data.csv")));
  }
}
