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
    IOException e = assertThrows(IOException.class, () -> TiffImages.read(bad, 65535));
    assertTrue(e.getMessage().contains("bad.tiff"), e.getMessage());
  }

  @Test
  void labelPngRoundTrips(@TempDir Path dir) throws IOException {
    LabelImage l = LabelImage.of(3, 2, new int[] {0, 1, 2, 300, 0, 1});
    Path f = dir.resolve("l.png");
    LabelFiles.write(l, f);
    assertEquals(l, LabelFiles.read(f));
  }
}
