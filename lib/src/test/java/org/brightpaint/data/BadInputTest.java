package org.brightpaint.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.io.Npy;
import org.brightpaint.data.io.Tiff16;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input named in the data issue gets an error that names the file or value. */
class BadInputTest {

  @TempDir Path dir;

  private PlateFolder plate() throws Exception {
    Path images = Files.createDirectories(dir.resolve("BR1__2020-11-05T00_00_00-Measurement1/Images"));
    for (Channel c : Channel.values()) {
      Tiff16.write(images.resolve(PhenixFileName.of(new Well(1, 1), 1, c).fileName()),
          new FloatImage(4, 4, new float[16]));
    }
    return PlateFolder.open(images.getParent());
  }

  /** Issue 15 observation 5: {@code .tif} names are found, validated and listed as they are. */
  @Test
  void tifNamesAreReadNotReportedMissing() throws Exception {
    PlateFolder p = plate();
    try (var files = Files.list(p.images())) {
      for (Path f : files.toList()) {
        Files.move(f, f.resolveSibling(f.getFileName().toString().replace(".tiff", ".tif")));
      }
    }
    Site s = p.sites().getFirst();
    org.junit.jupiter.api.Assertions.assertEquals(4, p.read(s, Channel.MITO).width());
    PlateValidator.Report r = PlateValidator.validate(p.dir(), 0);
    assertTrue(r.ok() && !r.format().contains("brightfield only"), r.format());
    String csv = Files.readString(p.dir().resolve("load_data.csv"));
    assertTrue(csv.contains("r01c01f01p01-ch5sk1fk1fl1.tif,") && !csv.contains(".tiff"), csv);
  }

  /** An empty Images/ folder is not a valid plate of zero sites. */
  @Test
  void emptyImagesFolderIsReported() throws Exception {
    PlateFolder p = plate();
    try (var files = Files.list(p.images())) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    PlateValidator.Report r = PlateValidator.validate(p.dir(), 0);
    org.junit.jupiter.api.Assertions.assertFalse(r.ok(), r.format());
    assertTrue(r.format().contains("no images"), r.format());
  }

  @Test
  void missingChannelFileIsNamed() throws Exception {
    PlateFolder p = plate();
    assertTrue(p.barcode().equals("BR1"));
    Site s = p.sites().getFirst();
    Files.delete(p.file(s, Channel.ER));
    var e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.paper().apply(p, s));
    assertTrue(e.getMessage().contains("r01c01f01p01-ch4sk1fk1fl1.tiff") && e.getMessage().contains("ER"), e.getMessage());
  }

  @Test
  void channelOfAnotherSizeIsNamed() throws Exception {
    PlateFolder p = plate();
    Site s = p.sites().getFirst();
    Tiff16.write(p.file(s, Channel.DNA), new FloatImage(5, 4, new float[20]));
    var e = assertThrows(IllegalArgumentException.class,
        () -> new Preprocessing(4, org.brightpaint.image.PercentileNormalization.paper(), true).apply(p, s));
    assertTrue(e.getMessage().contains("DNA") && e.getMessage().contains("5 x 4"), e.getMessage());
  }

  @Test
  void badIlluminationFunctionIsNamed() throws Exception {
    PlateFolder p = plate();
    Npy.write(p.illuminationFile(Channel.MITO), new FloatImage(2, 1, new float[] {1, Float.POSITIVE_INFINITY}));
    var e = assertThrows(IllegalArgumentException.class, () -> p.illumination(Channel.MITO));
    assertTrue(e.getMessage().contains("BR1_IllumMito.npy") && e.getMessage().contains("Infinity"), e.getMessage());
  }

  @Test
  void unknownWellAndCompoundAreNamed() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new PlateMap("tiny", java.util.Map.of()).perturbation(Well.parse("B07")));
    assertTrue(e.getMessage().contains("B07") && e.getMessage().contains("tiny"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Well.parse("A99"));
    assertTrue(e.getMessage().contains("A99"));
    e = assertThrows(IllegalArgumentException.class, () -> Plates.byBarcode("BR99"));
    assertTrue(e.getMessage().contains("BR99"));
  }

  @Test
  void folderWithoutImagesIsNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> PlateSet.open(dir));
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    assertTrue(List.of(MoaGroup.values()).size() == 7);
  }
}
