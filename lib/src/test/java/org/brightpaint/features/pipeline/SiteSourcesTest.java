package org.brightpaint.features.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.image.LabelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteSourcesTest {

  @Test
  void readsLoadDataWithOrigPrefixesAndRelativePaths(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("load_data.csv");
    Files.writeString(csv, "Metadata_Plate,Metadata_Well,Metadata_Site,FileName_OrigDNA,PathName_OrigDNA,FileName_OrigRNA,PathName_OrigRNA\n"
        + "P1,A01,1,a.tiff,Images,b.tiff,Images\n"
        + "P1,\"A02\",2,c.tiff,,d.tiff,\n");
    List<SiteSource> s = SiteSources.fromLoadData(csv);
    assertEquals(2, s.size());
    assertEquals(dir.resolve("Images").resolve("a.tiff"), s.get(0).files().get("DNA"));
    assertEquals(dir.resolve("d.tiff"), s.get(1).files().get("RNA"));
    assertEquals("A02", s.get(1).metadata().get("Well"));
    assertEquals(2, s.get(1).imageNumber());
    IOException e = assertThrows(IOException.class, () -> s.get(0).load(ProfileSettings.cpjump1()));
    assertTrue(e.getMessage().contains("AGP") || e.getMessage().contains("a.tiff"), e.getMessage());
  }

  @Test
  void corruptTiffIsNamed(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.tiff");
    Files.write(bad, new byte[] {1, 2, 3, 4, 5});
    var e = assertThrows(org.brightpaint.data.io.UserError.class, () -> org.brightpaint.data.io.ImageReader.read(bad));
    assertTrue(e.getMessage().contains("bad.tiff"), e.getMessage());
  }

  @Test
  void labelPngRoundTrips(@TempDir Path dir) throws IOException {
    LabelImage l = LabelImage.of(3, 2, new int[] {0, 1, 2, 300, 0, 1});
    Path f = dir.resolve("l.png");
    LabelFiles.write(l, f);
    assertEquals(l, LabelFiles.read(f));
  }

  /** Issue 15 observations 1 and 2: the file's bit depth scales intensities, never the preset. */
  @Test
  void intensitiesComeFromTheFileNotThePreset(@TempDir Path dir) throws IOException {
    Path u16 = org.brightpaint.data.io.TestTiffs.write(dir.resolve("u16.tif"), 2, 1,
        org.brightpaint.data.io.TestTiffs.Kind.U16, 6553.5f, 65535);
    Path u8 = org.brightpaint.data.io.TestTiffs.write(dir.resolve("u8.tif"), 2, 1,
        org.brightpaint.data.io.TestTiffs.Kind.U8, 25.5f, 255);
    Path f32 = org.brightpaint.data.io.TestTiffs.write(dir.resolve("f.tif"), 2, 1,
        org.brightpaint.data.io.TestTiffs.Kind.F32, 0.1f, 1f);
    for (ProfileSettings preset : List.of(ProfileSettings.exampleHuman(), ProfileSettings.cpjump1())) {
      for (Path f : List.of(u16, u8, f32)) {
        java.util.Map<String, Path> files = new java.util.LinkedHashMap<>();
        preset.requiredImages().forEach(n -> files.put(n, f));
        SiteImages s = new SiteSource(1, java.util.Map.of(), files).load(preset);
        float[] px = s.images().get(preset.nucleiImage()).pixels();
        assertEquals(0.1f, px[0], 2e-3f, preset.name() + " " + f);
        assertEquals(1f, px[1], 1e-6f, preset.name() + " " + f);
      }
    }
  }

  /** Issue 15 observation 2: a float image in counts is an error, not an all-black site. */
  @Test
  void floatCountsAreAnError(@TempDir Path dir) throws IOException {
    Path f32 = org.brightpaint.data.io.TestTiffs.write(dir.resolve("counts.tif"), 2, 1,
        org.brightpaint.data.io.TestTiffs.Kind.F32, 100, 4000);
    java.util.Map<String, Path> files = new java.util.LinkedHashMap<>();
    ProfileSettings.cpjump1().requiredImages().forEach(n -> files.put(n, f32));
    var e = assertThrows(IllegalArgumentException.class,
        () -> new SiteSource(1, java.util.Map.of(), files).load(ProfileSettings.cpjump1()));
    assertTrue(e.getMessage().contains("counts.tif"), e.getMessage());
  }

  /** Issue 15 observation 13: metadata columns come out in the order the LoadData CSV gives them. */
  @Test
  void metadataKeepsItsOrder() {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    List<String> keys = List.of("Plate", "Well", "Site", "Row", "Col", "Field", "Batch", "Source", "Line", "Dose");
    keys.forEach(k -> m.put(k, k.toLowerCase()));
    assertEquals(keys, List.copyOf(new SiteSource(1, m, java.util.Map.of()).metadata().keySet()));
  }
}
