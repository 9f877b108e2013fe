package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.Channel;
import org.junit.jupiter.api.Test;

class FeatureNameTest {

  @Test
  void intensity() {
    FeatureName f = FeatureName.parse("Cells_Intensity_MeanIntensity_DNA");
    assertEquals(Compartment.CELLS, f.compartment());
    assertEquals(FeatureGroup.INTENSITY, f.group());
    assertEquals("MeanIntensity", f.feature());
    assertEquals(List.of(Channel.DNA), f.channels());
  }

  @Test
  void textureWithScaleDirectionLevels() {
    FeatureName f = FeatureName.parse("Nuclei_Texture_SumEntropy_ER_3_00_256");
    assertEquals(Compartment.NUCLEI, f.compartment());
    assertEquals(FeatureGroup.TEXTURE, f.group());
    assertEquals("SumEntropy", f.feature());
    assertEquals(List.of("ER"), f.images());
    assertEquals("3_00_256", f.suffix());
  }

  @Test
  void correlationHasTwoChannels() {
    FeatureName f = FeatureName.parse("Cytoplasm_Correlation_RWC_DNA_Mito");
    assertEquals(FeatureGroup.CORRELATION, f.group());
    assertEquals(List.of(Channel.DNA, Channel.MITO), f.channels());
    assertEquals("DNA-Mito", f.channelLabel());
  }

  @Test
  void radialGranularityShapeNeighborsLocation() {
    FeatureName r = FeatureName.parse("Cells_RadialDistribution_FracAtD_Mito_1of4");
    assertEquals(FeatureGroup.RADIAL_DISTRIBUTION, r.group());
    assertEquals(List.of(Channel.MITO), r.channels());
    assertEquals("1of4", r.suffix());
    FeatureName g = FeatureName.parse("Cells_Granularity_16_AGP");
    assertEquals(FeatureGroup.GRANULARITY, g.group());
    assertEquals("16", g.feature());
    assertEquals(List.of(Channel.AGP), g.channels());
    FeatureName z = FeatureName.parse("Nuclei_AreaShape_Zernike_3_1");
    assertEquals(FeatureGroup.AREA_SHAPE, z.group());
    assertEquals("Zernike_3_1", z.feature());
    assertTrue(z.images().isEmpty());
    assertEquals("none", z.channelLabel());
    FeatureName n = FeatureName.parse("Cells_Neighbors_NumberOfNeighbors_5");
    assertEquals(FeatureGroup.NEIGHBORS, n.group());
    FeatureName l = FeatureName.parse("Cells_Location_CenterMassIntensity_X_RNA");
    assertEquals(FeatureGroup.LOCATION, l.group());
    assertEquals("CenterMassIntensity_X", l.feature());
    assertEquals(List.of(Channel.RNA), l.channels());
    FeatureName c = FeatureName.parse("Cells_Location_Center_X");
    assertEquals("Center_X", c.feature());
    assertTrue(c.images().isEmpty());
  }

  @Test
  void bookkeepingAndRelationshipColumns() {
    assertEquals(FeatureGroup.METADATA, FeatureName.parse("ImageNumber").group());
    assertEquals(Compartment.NONE, FeatureName.parse("ImageNumber", Compartment.CELLS).compartment());
    assertEquals(FeatureGroup.METADATA, FeatureName.parse("Metadata_Well").group());
    assertEquals(FeatureGroup.OBJECT, FeatureName.parse("Cells_Parent_Nuclei").group());
    assertEquals(FeatureGroup.OBJECT, FeatureName.parse("Number_Object_Number", Compartment.NUCLEI).group());
    FeatureName i = FeatureName.parse("Image_Count_Cells");
    assertEquals(Compartment.IMAGE, i.compartment());
    assertEquals(FeatureGroup.METADATA, i.group());
  }

  @Test
  void unprefixedExportColumnsTakeTheFileCompartment() {
    FeatureName f = FeatureName.parse("Intensity_MeanIntensity_PH3", Compartment.NUCLEI);
    assertEquals(Compartment.NUCLEI, f.compartment());
    assertEquals(List.of("PH3"), f.images());
    assertTrue(f.channels().isEmpty(), "PH3 is not a brightpaint channel");
  }

  @Test
  void classifiesEveryColumnOfCellProfilersOwnExport() throws Exception {
    // the bundled copy of CellProfiler 4.0.6's ExampleHuman export (src/main/resources/fixtures)
    Path dir = Path.of(FeatureNameTest.class.getResource("/fixtures/example-human/Nuclei.csv").toURI()).getParent();
    String header = Files.readAllLines(dir.resolve("Nuclei.csv")).get(0);
    int measured = 0;
    for (String col : header.split(",")) {
      FeatureName f = FeatureName.parse(col, Compartment.NUCLEI);
      assertNotNull(f.group(), col);
      if (f.group().isMeasurement()) {
        measured++;
        assertEquals(Compartment.NUCLEI, f.compartment(), col);
        if (f.group() == FeatureGroup.INTENSITY) assertEquals(1, f.images().size(), col);
      }
    }
    assertEquals(header.split(",").length - 2 - 4, measured, "all but ImageNumber, ObjectNumber, 3 Children, 1 Number");
  }
}
