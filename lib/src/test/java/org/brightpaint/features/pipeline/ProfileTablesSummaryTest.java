package org.brightpaint.features.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

class ProfileTablesSummaryTest {

  @Test
  void wideTableIsSummarisedByFamilyAndChannel() {
    Table t = Table.create("Nuclei",
        IntColumn.create("ImageNumber", new int[] {1, 1}),
        StringColumn.create("Metadata_Well", List.of("A01", "A01")),
        DoubleColumn.create("Nuclei_AreaShape_Area", new double[] {120, 80}),
        DoubleColumn.create("Nuclei_Intensity_MeanIntensity_DNA", new double[] {0.25, 0.5}),
        DoubleColumn.create("Nuclei_Intensity_MeanIntensity_ER", new double[] {0.125, 0.5}),
        DoubleColumn.create("Nuclei_Texture_Contrast_DNA_3_00_256", new double[] {2, 3}),
        DoubleColumn.create("Nuclei_Texture_Contrast_DNA_5_00_256", new double[] {4, 5}),
        DoubleColumn.create("Nuclei_Correlation_Pearson_DNA_Mito", new double[] {0.5, 0.6}));
    Table s = ProfileTables.columnSummary(t);
    assertEquals("Nuclei: 2 rows x 8 columns", s.name());
    assertEquals(List.of("ImageNumber", "Metadata", "AreaShape", "Intensity", "Intensity", "Texture", "Correlation"),
        s.stringColumn("family").asList());
    assertEquals(List.of("-", "-", "-", "DNA", "ER", "DNA", "DNA"), s.stringColumn("channel").asList());
    assertEquals(List.of(1, 1, 1, 1, 1, 2, 1), s.intColumn("columns").asList());
    assertEquals(8, (int) s.intColumn("columns").sum());
    assertEquals("Nuclei_Texture_Contrast_DNA_3_00_256", s.stringColumn("example column").get(5));
    assertEquals(2.0, s.doubleColumn("example value (row 1)").get(5));
    assertTrue(Double.isNaN(s.doubleColumn("example value (row 1)").getDouble(1)), "text column has no number");
    assertEquals(120.0, s.doubleColumn("example value (row 1)").get(2));
  }
}
