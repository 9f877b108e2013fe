package org.brightpaint.features.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.synthetic.SyntheticOptions;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook-08 entry point on one small CI-sized synthetic plate in a temporary folder. */
class CellProfilingTest {

  @Test
  void profilesDmsoAndAGroup(@TempDir Path dir) {
    SyntheticOptions ci = SyntheticOptions.ci();
    SyntheticOptions small = ci.withPlates(List.of(ci.plates().get(0))).withWells(SyntheticOptions.wellsCovering(7));
    PlateSet plates = SyntheticPlates.ensure(dir.resolve("plates"), small);
    CellProfiling.Result r = CellProfiling.run(plates, dir.resolve("profiles"), 1);
    assertTrue(r.run().sites() >= 2, "sites " + r.run().sites());
    assertTrue(r.cells().rowCount() > 10, "cells " + r.cells().rowCount());
    assertTrue(r.cells().stringColumn("Metadata_Group").unique().size() == 2);
    assertEquals(1179, r.columnCounts().get(Compartment.CELLS));
    assertEquals(1172, r.columnCounts().get(Compartment.NUCLEI));
    assertEquals(1164, r.columnCounts().get(Compartment.CYTOPLASM));
    assertEquals(2, r.run().wells().rowCount());
    assertEquals(256, r.overlay().getWidth());
    String json = r.distribution("Cells_AreaShape_Area").asJavascript("x");
    assertTrue(json.contains("DMSO"));
  }
}
