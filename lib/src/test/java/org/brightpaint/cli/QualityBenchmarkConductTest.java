package org.brightpaint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.brightpaint.cli.CliConductTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "command-line conduct", for {@code quality} and {@code benchmark}: a user error (missing
 * folder, unknown model, bad value) is one line naming the value, exit 1; bad usage exits 2; no
 * stack trace without --debug; nothing is left in the output folder. The old commands exited 2
 * with a bare "quality: ..." line, exited 2 on an unknown model, ignored an unknown --cross-line
 * model, and left {@code <out>/stages/} behind when the plate folder was wrong.
 */
class QualityBenchmarkConductTest {

  @TempDir Path dir;

  private void assertUserError(Run r, String... mentions) {
    assertEquals(1, r.rc(), r.err());
    assertTrue(r.oneLineWithoutTrace(), r.err());
    assertTrue(r.err().startsWith("brightpaint "), r.err());
    for (String m : mentions) {
      assertTrue(r.err().contains(m), "'" + m + "' in " + r.err());
    }
  }

  /** A plate folder with an Images folder and a plate.csv of the given split. */
  private Path plate(String barcode, String split) throws Exception {
    Path p = Files.createDirectories(dir.resolve("plates").resolve(barcode).resolve("Images")).getParent();
    Files.writeString(p.resolve("plate.csv"), "barcode,cell_line,split\n" + barcode + ",U2OS," + split + "\n");
    return p.getParent();
  }

  @Test
  void qualityUserErrorsAreOneLineExitOneAndWriteNothing() throws Exception {
    Path out = dir.resolve("q");
    assertUserError(CliConductTest.run("quality", "--real", dir.resolve("nope").toString(), "--pred", dir.toString(),
        "--out", out.toString()), "nope");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertUserError(CliConductTest.run("quality", "--real", empty.toString(), "--pred", empty.toString(),
        "--out", out.toString()), "empty");
    assertFalse(Files.exists(out));
    assertEquals(2, CliConductTest.run("quality", "--real", empty.toString()).rc(), "missing --pred and --out is bad usage");
  }

  @Test
  void benchmarkUserErrorsAreOneLineExitOneAndLeaveNoOutput() throws Exception {
    Path data = plate("P1", "train");
    Path out = dir.resolve("bench");
    String d = data.toString(), o = out.toString();
    assertUserError(CliConductTest.run("benchmark", "--data", d, "--models", "baseline-mean,nonet", "--out", o), "nonet");
    assertUserError(CliConductTest.run("benchmark", "--data", d, "--models", "baseline-mean", "--cross-line", "unet",
        "--out", o), "--cross-line", "unet");
    assertUserError(CliConductTest.run("benchmark", "--data", d, "--size", "huge", "--out", o), "huge");
    assertUserError(CliConductTest.run("benchmark", "--data", d, "--checkpoint", "unet=" + dir.resolve("no-run"),
        "--cross-line", "none", "--out", o), "no-run");
    assertUserError(CliConductTest.run("benchmark", "--data", d, "--checkpoint", "unet=" + dir.resolve("no-run"),
        "--out", o), "--cross-line", "unet");
    assertUserError(CliConductTest.run("benchmark", "--data", d, "--checkpoint", "baseline-mean=" + dir, "--out", o),
        "baseline-mean", "not a generator");
    assertUserError(CliConductTest.run("benchmark", "--data", dir.resolve("no-plates").toString(), "--out", o), "no-plates");
    // a plate folder without test plates: said before anything is written
    assertUserError(CliConductTest.run("benchmark", "--data", d, "--models", "baseline-mean", "--out", o),
        "training and test plates", "plate.csv");
    assertFalse(Files.exists(out), "no output folder after a failure");
    assertEquals(2, CliConductTest.run("benchmark", "--data", d, "--threads", "x", "--out", o).rc());
    assertEquals(2, CliConductTest.run("benchmark", "--data", d, "--gate", "sometimes", "--out", o).rc());
    assertFalse(Files.exists(out));
  }
}
