package org.brightpaint.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 "any layout": user-named channels, LoadData CSVs with illumination columns, channel
 * maps, and generator options of any planes and stains that survive the checkpoint.
 */
class AnyLayoutTest {

  @Test
  void userNamedChannelsAreValuesAndCpjump1NamesStayTheConstants() {
    assertEquals(Channel.DNA, Channel.named("OrigDNA"));
    assertEquals(Channel.named("Phase1"), Channel.named("Phase1"));
    assertEquals("MAP2", Channel.named("MAP2").cpName());
    assertEquals(List.of(Channel.named("DAPI"), Channel.named("MAP2"), Channel.named("NFH")),
        Channel.namedList("DAPI, MAP2,NFH"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Channel.named("2x")).getMessage().contains("'2x'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Channel.namedList("DNA,dna")).getMessage()
        .contains("twice"));
    assertThrows(IllegalArgumentException.class, () -> Channel.ofName("Phase1"), "ofName stays CPJUMP1-only");
  }

  @Test
  void loadDataReadsOwnNamesAndIlluminationColumns(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("ld.csv");
    Files.writeString(csv, "Metadata_Plate,Metadata_Well,Metadata_Site,FileName_OrigPhase1,PathName_OrigPhase1,"
        + "FileName_IllumPhase1,PathName_IllumPhase1,FileName_IlluminatedDNA,PathName_IlluminatedDNA\n"
        + "P1,A01,1,a.png,imgs,illum_phase1.npy,illum,b.tif,imgs\n");
    LoadData ld = LoadData.read(csv);
    assertEquals(List.of(Channel.named("IlluminatedDNA"), Channel.named("Phase1")), ld.channels(),
        "FileName_Illum<X> is an illumination function only when X is an image of the CSV");
    LoadData.Row r = ld.rows().getFirst();
    assertEquals(dir.resolve("imgs").resolve("a.png"), r.file(Channel.named("Phase1"), dir));
    assertEquals(dir.resolve("illum").resolve("illum_phase1.npy"), r.illuminationFile(Channel.named("Phase1"), dir)
        .orElseThrow());
    assertTrue(r.illuminationFile(Channel.named("IlluminatedDNA"), dir).isEmpty());
  }

  @Test
  void aLoadDataCsvWithoutMetadataSiteNamesTheColumn(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("ld.csv");
    Files.writeString(csv, "Metadata_Plate,Metadata_Well,FileName_DNA\nP1,A01,a.tif\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LoadData.read(csv));
    assertTrue(e.getMessage().contains("no Metadata_Site column") && e.getMessage().contains(csv.toString()),
        e.getMessage());
  }

  @Test
  void channelMapsRenumberPhenixPlates(@TempDir Path dir) throws Exception {
    ChannelMap m = ChannelMap.parse("ch1=DNA, ch5=Brightfield");
    assertEquals(1, m.number(Channel.DNA));
    assertEquals(Channel.BRIGHTFIELD, m.channel(5));
    Path f = dir.resolve("map.txt");
    Files.writeString(f, "# my scope\nch2=DAPI\nch3=MAP2\n");
    assertEquals(3, ChannelMap.parse(f.toString()).number(Channel.named("MAP2")));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> m.number(Channel.MITO)).getMessage()
        .contains("add ch<N>=Mito"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ChannelMap.parse("ch1:DNA")).getMessage()
        .contains("ch<N>=<Name>"));
    PlateFolder p = new PlateFolder(dir, "P1").withChannelMap(m);
    assertEquals("r01c02f03p01-ch1sk1fk1fl1.tiff",
        p.file(new Site("P1", Well.parse("A02"), 3), Channel.DNA).getFileName().toString());
  }

  @Test
  void generatorOptionsOfAnyPlanesAndStainsSurviveTheCheckpointProperties() {
    GeneratorOptions o = GeneratorOptions.of(ModelKind.UNET, Preset.CI)
        .withChannels(Channel.namedList("Phase1,Phase2"), Channel.namedList("DAPI,MAP2,NFH"));
    assertEquals(2, o.inputChannels());
    assertEquals(3, o.outputChannels());
    Properties p = new Properties();
    o.writeTo(p);
    assertEquals(o, GeneratorOptions.readFrom(p, "test"));
    assertThrows(IllegalArgumentException.class, () -> o.withChannels(List.of(Channel.DNA), List.of(Channel.DNA)));
    assertEquals(Channel.BRIGHTFIELD_INPUTS, GeneratorOptions.of(ModelKind.UNET, Preset.CI).inputs(),
        "the paper's 3 -> 5 stays the default");
  }
}
