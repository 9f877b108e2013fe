package org.brightpaint.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadDataTest {

  @TempDir Path dir;

  @Test
  void roundTrips() {
    List<Site> sites = List.of(new Site("P1", Well.parse("A01"), 1), new Site("P1", Well.parse("B03"), 2));
    LoadData ld = LoadData.forPhenix(sites, "Images");
    Path f = dir.resolve("load_data.csv");
    ld.write(f);
    LoadData back = LoadData.read(f);
    assertEquals(ld, back);
    assertEquals(dir.resolve("Images/r02c03f02p01-ch8sk1fk1fl1.tiff"),
        back.rows().get(1).file(Channel.BRIGHTFIELD, dir));
  }

  @Test
  void readsCellProfilerStyleColumnsInAnyOrder() throws Exception {
    Path f = dir.resolve("ld.csv");
    Files.writeString(f, "FileName_OrigDNA,PathName_OrigDNA,Metadata_Plate,Metadata_Well,Metadata_Site,Metadata_Batch\n"
        + "r01c01f01p01-ch5sk1fk1fl1.tiff,/data/x,BR1,A01,1,b1\n");
    LoadData ld = LoadData.read(f);
    LoadData.Row r = ld.rows().getFirst();
    assertEquals(new Site("BR1", new Well(1, 1), 1), r.site());
    assertEquals("b1", r.metadata().get("Metadata_Batch"));
    assertEquals(Path.of("/data/x/r01c01f01p01-ch5sk1fk1fl1.tiff"), r.file(Channel.DNA, dir));
  }

  @Test
  void badRowNamesFileAndLine() throws Exception {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "Metadata_Plate,Metadata_Well,Metadata_Site,FileName_OrigDNA,PathName_OrigDNA\nBR1,Z99,1,a.tiff,.\n");
    var e = assertThrows(IllegalArgumentException.class, () -> LoadData.read(f));
    assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("line 2") && e.getMessage().contains("Z99"),
        e.getMessage());
  }
}
