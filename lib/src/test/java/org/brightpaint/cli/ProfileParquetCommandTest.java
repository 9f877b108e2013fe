package org.brightpaint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brightpaint.features.pipeline.ParquetProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile --parquet} writes SingleCells.parquet with one row per cytoplasm of the CSV. */
class ProfileParquetCommandTest {

  @Test
  void parquetBesideTheCsv(@TempDir Path dir) throws Exception {
    String[] names = {"AS_09125_050116030001_D03f00d0.tif", "AS_09125_050116030001_D03f00d1.tif", "AS_09125_050116030001_D03f00d2.tif"};
    for (String n : names) {
      try (InputStream in = ProfileParquetCommandTest.class.getResourceAsStream("/fixtures/example-human/" + n)) {
        Files.copy(in, dir.resolve(n));
      }
    }
    Path out = dir.resolve("out");
    assertEquals(0, Brightpaint.run("profile", "--preset", "examplehuman", "--image", "DNA=" + dir.resolve(names[0]),
        "--image", "PH3=" + dir.resolve(names[1]), "--image", "cellbody=" + dir.resolve(names[2]), "--out", out.toString(),
        "--threads", "1", "--parquet"));
    int cytoplasm = Files.readAllLines(out.resolve("Cytoplasm.csv")).size() - 1;
    assertEquals(cytoplasm, ParquetProfiles.read(out.resolve(ParquetProfiles.SINGLE_CELLS)).rowCount());
  }
}
