package org.brightpaint.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataModelTest {

  @Test
  void parsesWellNames() {
    assertEquals(new Well(1, 1), Well.parse("A01"));
    assertEquals(new Well(16, 24), Well.parse("p24"));
    assertEquals(new Well(3, 7), Well.parse("C7"));
    assertEquals("C07", new Well(3, 7).name());
    assertEquals(384, Well.all().size());
    var e = assertThrows(IllegalArgumentException.class, () -> Well.parse("Q01"));
    assertTrue(e.getMessage().contains("Q01"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Well.parse("A25"));
  }

  @Test
  void parsesAndFormatsPhenixNames() {
    PhenixFileName f = PhenixFileName.parse("r03c12f09p01-ch5sk1fk1fl1.tiff");
    assertEquals(new Well(3, 12), f.well());
    assertEquals(9, f.field());
    assertEquals(1, f.plane());
    assertEquals(Channel.DNA, f.channel());
    assertEquals("r03c12f09p01-ch5sk1fk1fl1.tiff", f.fileName());
    assertEquals(Channel.LOW_Z_BF, PhenixFileName.parse("r01c01f01p01-ch7sk1fk1fl1.tiff").channel());
    var e = assertThrows(IllegalArgumentException.class, () -> PhenixFileName.parse("r01c01f01p01-ch9sk1fk1fl1.tiff"));
    assertTrue(e.getMessage().contains("r01c01f01p01-ch9sk1fk1fl1.tiff") && e.getMessage().contains("ch9"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PhenixFileName.parse("image.png"));
    assertTrue(e.getMessage().contains("image.png"));
    assertThrows(IllegalArgumentException.class, () -> PhenixFileName.parse("r17c01f01p01-ch1sk1fk1fl1.tiff"));
  }

  @Test
  void groupsFromMoaTerms() {
    assertEquals(MoaGroup.KINASE, MoaGroup.ofTerms(List.of("FLT3 inhibitor", "JAK inhibitor")));
    assertEquals(MoaGroup.EPIGENETIC, MoaGroup.ofTerms(List.of("HDAC inhibitor")));
    assertEquals(MoaGroup.NONE, MoaGroup.ofTerms(List.of("calcium channel blocker")));
    assertThrows(IllegalArgumentException.class, () -> MoaGroup.ofTerms(List.of("JAK inhibitor", "HDAC inhibitor")));
    assertEquals(MoaGroup.GROWTH_FACTOR_RECEPTOR, MoaGroup.parse("GrowthFactorReceptor"));
    assertEquals(6, MoaGroup.TASK.size());
  }

  @Test
  void benchmarkPlatesFromTable1() {
    assertEquals(8, Plates.benchmark().size());
    assertEquals(CellLine.U2OS, Plates.byBarcode("BR00117026").cellLine());
    assertEquals(Split.VALIDATE, Plates.byBarcode("BR00116993").split());
    assertEquals(27352, Plates.byBarcode("BR00116993").imageCount());
    assertEquals(2, Plates.select(CellLine.A549, Split.TRAIN).size());
    var e = assertThrows(IllegalArgumentException.class, () -> Plates.byBarcode("BR00000000"));
    assertTrue(e.getMessage().contains("BR00000000"));
  }

  @Test
  void spreadTakesSitesEvenlyAcrossThePlate() {
    java.util.List<Site> sites = new java.util.ArrayList<>();
    for (int col = 1; col <= 10; col++) {
      sites.add(new Site("P", new Well(1, col), 1));
    }
    assertEquals(java.util.List.of(sites.get(0), sites.get(2), sites.get(5), sites.get(7)), Site.spread(sites, 4));
    assertEquals(sites, Site.spread(sites, 0));
    assertEquals(sites, Site.spread(sites, 25));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Site.spread(sites, -1));
  }

  @Test
  void spreadCoversEveryWellBeforeASecondField() {
    java.util.List<Site> sites = new java.util.ArrayList<>();
    for (int col = 1; col <= 4; col++) {
      sites.add(new Site("P", new Well(1, col), 1));
      sites.add(new Site("P", new Well(1, col), 2));
    }
    assertEquals(java.util.List.of(sites.get(0), sites.get(2), sites.get(4), sites.get(6)), Site.spread(sites, 4));
    assertEquals(java.util.List.of(sites.get(0), sites.get(1), sites.get(2), sites.get(4), sites.get(6)),
        Site.spread(sites, 5));
    assertEquals(java.util.List.of(sites.get(0), sites.get(4)), Site.spread(sites, 2));
  }
}
