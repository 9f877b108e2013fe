package org.brightpaint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {

  private static Path copy(String name, Path dir) throws Exception {
    Path p = dir.resolve(name);
    try (InputStream in = ProfileCommandTest.class.getResourceAsStream("/fixtures/example-human/" + name)) {
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void profilesExampleHumanImagesFromTheCommandLine(@TempDir Path dir) throws Exception {
    Path dna = copy("AS_09125_050116030001_D03f00d0.tif", dir);
    Path ph3 = copy("AS_09125_050116030001_D03f00d1.tif", dir);
    Path body = copy("AS_09125_050116030001_D03f00d2.tif", dir);
    Path out = dir.resolve("out");
    int rc = Brightpaint.run("profile", "--preset", "examplehuman", "--image", "DNA=" + dna,
        "--image", "PH3=" + ph3, "--image", "cellbody=" + body, "--out", out.toString(), "--save-labels",
        "--threads", "1");
    assertEquals(0, rc);
    List<String> nuclei = Files.readAllLines(out.resolve("Nuclei.csv"));
    assertEquals(290, nuclei.size());
    assertTrue(Files.exists(out.resolve("Cytoplasm.csv")));
    assertTrue(Files.exists(out.resolve("labels").resolve("plate_well_s1_Nuclei.png")));
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    int rc = Brightpaint.run("profile", "--preset", "examplehuman", "--image", "DNA=" + dir.resolve("nope.tif"),
        "--out", dir.resolve("out").toString());
    assertNotEquals(0, rc);
  }
}
