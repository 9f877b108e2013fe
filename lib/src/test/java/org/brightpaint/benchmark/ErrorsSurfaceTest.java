package org.brightpaint.benchmark;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.brightpaint.config.RunSize;
import org.brightpaint.eval.MoaPrediction;
import org.brightpaint.eval.MoaResult;
import org.brightpaint.models.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** A part of the evaluation that cannot run is a stated row or an error naming it, never a silent gap. */
class ErrorsSurfaceTest {

  @Test
  void aMoaSettingThatCannotRunIsAMissingRowWithTheReason() {
    Table noWells = EvaluationTest.cells(0, 0).removeColumns("Metadata_Well");
    List<MoaResult> rows = Evaluation.crossValidations("unet", noWells, MoaPrediction.Options.of("moa").withMaxCellsPerClass(30));
    assertEquals(3, rows.size(), "one row per scheme, computed or not");
    assertTrue(Double.isNaN(rows.get(0).f1SixClass()));
    assertTrue(rows.get(0).note().startsWith("not computed:") && rows.get(0).note().contains("Metadata_Well"), rows.get(0).note());
    assertFalse(Double.isNaN(rows.get(2).f1SixClass()), "cell-level CV needs no wells and runs");
  }

  @Test
  void aMissingCostRecordFailsNamingTheFile(@TempDir Path dir) {
    GeneratorRunner unet = GeneratorRunner.of(ModelKind.UNET, RunSize.CI, dir.resolve("runs"));
    var e = assertThrows(IllegalStateException.class, () -> unet.cost(dir));
    assertTrue(e.getMessage().contains(dir.resolve("cost.csv").toString()), e.getMessage());
  }
}
