package org.brightpaint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.brightpaint.cli.CliConductTest.Run;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, observation 10: "plate.csv must be written by hand". {@code manifest --write-plate-csv}
 * writes it from the plate folder (barcode from the folder name), validated values only, never
 * over an existing file.
 */
class PlateCsvCommandTest {

  @TempDir Path dir;

  @Test
  void manifestWritesAValidatedPlateCsv() throws Exception {
    assertEquals(0, Brightpaint.run("phantom", "--out", dir.toString(), "--plate", "MYPLATE:U2OS", "--wells", "1",
        "--sites", "1", "--size", "48"));
    Path plate = dir.resolve("MYPLATE");
    Path csv = plate.resolve("plate.csv");
    Files.delete(csv); // a user's own plate has none

    Run bad = CliConductTest.run("manifest", "--images", plate.toString(), "--write-plate-csv", "--cell-line", "neuron");
    assertEquals(1, bad.rc(), bad.err());
    assertTrue(bad.oneLineWithoutTrace() && bad.err().contains("neuron"), bad.err());
    assertFalse(Files.exists(csv), "nothing written for an unknown cell line");
    assertEquals(1, CliConductTest.run("manifest", "--images", plate.toString(), "--write-plate-csv", "--split", "holdout").rc());
    assertFalse(Files.exists(csv));

    assertEquals(0, CliConductTest.run("manifest", "--images", plate.toString(), "--write-plate-csv", "--cell-line", "a549",
        "--split", "test").rc());
    assertEquals("barcode,cell_line,split\nMYPLATE,A549,test\n", Files.readString(csv));
    PlateFolder p = PlateFolder.open(plate);
    assertEquals(Optional.of(CellLine.A549), p.cellLine());
    assertEquals(Optional.of(Split.TEST), p.split());

    Run again = CliConductTest.run("manifest", "--images", plate.toString(), "--write-plate-csv");
    assertEquals(1, again.rc(), again.err());
    assertTrue(again.oneLineWithoutTrace() && again.err().contains("exists already"), again.err());
    assertEquals("barcode,cell_line,split\nMYPLATE,A549,test\n", Files.readString(csv), "never overwritten");

    Files.delete(csv);
    assertEquals(0, CliConductTest.run("manifest", "--images", dir.toString(), "--write-plate-csv").rc());
    assertEquals("barcode,split\nMYPLATE,train\n", Files.readString(csv), "default: train, no cell line");
    assertEquals(Optional.empty(), PlateFolder.open(plate).cellLine());
  }
}
