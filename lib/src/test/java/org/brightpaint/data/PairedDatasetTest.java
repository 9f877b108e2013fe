package org.brightpaint.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Record;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.synthetic.SyntheticOptions;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.PercentileNormalization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairedDatasetTest {

  @TempDir static Path dir;
  static PlateSet plates;
  static final Preprocessing PRE = new Preprocessing(32, PercentileNormalization.paper(), true);

  @BeforeAll
  static void plates() {
    SyntheticOptions o = new SyntheticOptions(
        List.of(Plates.byBarcode("BR00116991"), Plates.byBarcode("BR00117026")),
        List.of(Well.parse("A02"), Well.parse("A01"), Well.parse("B01")), 2, 64, 4, 11);
    plates = SyntheticPlates.ensure(dir.resolve("plates"), o);
  }

  PairedDataset.Builder base() {
    return PairedDataset.builder().setPlates(plates).optPreprocessing(PRE).optCacheDir(dir.resolve("cache"));
  }

  @Test
  void pairsBrightfieldWithFluorescenceAndCaches() throws Exception {
    PairedDataset ds = base().optCellLine(CellLine.U2OS).build();
    assertEquals(6, ds.size());
    assertTrue(ds.samples().stream().allMatch(s -> s.site().plate().equals("BR00117026")));
    try (NDManager m = NDManager.newBaseManager()) {
      Record r = ds.get(m, 0);
      assertEquals(new Shape(3, 32, 32), r.getData().head().getShape());
      assertEquals(new Shape(5, 32, 32), r.getLabels().head().getShape());
      float[] bf = r.getData().head().toFloatArray();
      for (float v : bf) {
        assertTrue(v >= -1 && v <= 1);
      }
      // channel 0 of the label is Mito, channel 4 DNA: compare with a direct preprocessing
      PairedDataset.Sample s = ds.samples().get(0);
      Preprocessing.Prepared direct = PRE.apply(s.plate(), s.site(), List.of(Channel.MITO, Channel.DNA, Channel.LOW_Z_BF));
      float[] fl = r.getLabels().head().toFloatArray();
      assertArrayEquals(direct.channels().get(Channel.DNA).pixels(), java.util.Arrays.copyOfRange(fl, 4 * 1024, 5 * 1024), 1e-6f);
      assertArrayEquals(direct.channels().get(Channel.LOW_Z_BF).pixels(), java.util.Arrays.copyOfRange(bf, 0, 1024), 1e-6f);

      // the cached site carries the source images' size (predictions are written back at it)
      Preprocessing.Prepared cached = ds.prepared(0);
      FloatImage source = s.plate().read(s.site(), Channel.LOW_Z_BF);
      assertEquals(source.width(), direct.sourceWidth());
      assertEquals(source.height(), direct.sourceHeight());
      assertEquals(direct.sourceWidth(), cached.sourceWidth());
      assertEquals(direct.sourceHeight(), cached.sourceHeight());
      assertEquals(direct.scalings().get(Channel.DNA).low(), cached.scalings().get(Channel.DNA).low(), 1e-3);
      // the second read comes from the cache
      assertArrayEquals(fl, base().optCellLine(CellLine.U2OS).build().get(m, 0).getLabels().head().toFloatArray());
      // issue 15 observation 12: overwriting a TIFF in place invalidates its site's cache entry
      Path tiff = s.plate().file(s.site(), Channel.DNA);
      java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(tiff);
      FloatImage old = org.brightpaint.data.io.ImageReader.read(tiff).pixels();
      short[] flipped = new short[old.pixels().length];
      for (int i = 0; i < flipped.length; i++) {
        flipped[i] = (short) old.pixels()[flipped.length - 1 - i];
      }
      // in place, as an image editor or tifffile does (the folder's time does not change)
      Files.write(tiff, org.brightpaint.data.io.Tiff16.encode(old.width(), old.height(), flipped));
      Files.setLastModifiedTime(tiff, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() + 2000));
      float[] fresh = base().optCellLine(CellLine.U2OS).build().get(m, 0).getLabels().head().toFloatArray();
      assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOfRange(fl, 4 * 1024, 5 * 1024),
          java.util.Arrays.copyOfRange(fresh, 4 * 1024, 5 * 1024)), "new DNA pixels, not the cached ones");
      Files.write(tiff, new byte[] {1, 2, 3});
      // without the cache the spoiled file is reported by name
      var e = assertThrows(IllegalArgumentException.class,
          () -> base().optCellLine(CellLine.U2OS).optCacheDir(dir.resolve("nocache")).build().get(m, 0));
      assertTrue(e.getMessage().contains(tiff.getFileName().toString()), e.getMessage());
    }
  }

  @Test
  void selectsAndShufflesDeterministically() {
    assertEquals(4, base().optWells(List.of(Well.parse("A02"))).build().size());
    assertEquals(4, base().optMoaGroups(List.of(MoaGroup.CONTROL)).build().size());
    assertEquals(6, base().optSplit(Split.TRAIN).build().size());
    assertEquals(6, base().optBarcodes(List.of("BR00116991")).build().size());
    var a = base().optShuffle(5).build().samples();
    var b = base().optShuffle(5).build().samples();
    var c = base().optShuffle(6).build().samples();
    assertEquals(a, b);
    assertNotEquals(a, c);
    assertEquals(12, a.size());
    assertThrows(IllegalArgumentException.class, () -> base().optWells(List.of(Well.parse("P24"))).build());
  }
}
