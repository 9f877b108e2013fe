package org.brightpaint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DoctorTest {

  @Test
  void tableHasOneRowPerCheckWithStatusWords() {
    Table t = Doctor.table(List.of(
        new Doctor.Check("Java", true, "25", ""),
        new Doctor.Check("Jupyter", false, "not found", "run environment/setup")));
    assertEquals(List.of("check", "status", "detail", "hint"), t.columnNames());
    assertEquals("OK", t.stringColumn("status").get(0));
    assertEquals("PROBLEM", t.stringColumn("status").get(1));
    assertEquals("run environment/setup", t.stringColumn("hint").get(1));
  }

  @Test
  void javaCheckPassesOnThisJvm() {
    Doctor.Check c = Doctor.java();
    assertTrue(c.ok(), c.detail());
    assertTrue(c.detail().startsWith(Runtime.version().toString()));
  }

  @Test
  void cpuKernelCheckNamesWhatIsNotPinned() {
    Doctor.Check pinned = Doctor.cpuKernels(
        java.util.Map.of("ONEDNN_MAX_CPU_ISA", "SSE41", "ATEN_CPU_CAPABILITY", "avx2", "MKL_CBWR", "AVX2"), 2);
    assertEquals("ONEDNN_MAX_CPU_ISA=SSE41, ATEN_CPU_CAPABILITY=avx2, MKL_CBWR=AVX2, 2 intra-op threads", pinned.detail());
    assertEquals("", pinned.hint());
    Doctor.Check loose = Doctor.cpuKernels(java.util.Map.of("ONEDNN_MAX_CPU_ISA", "SSE41"), 4);
    assertTrue(loose.hint().startsWith("not pinned: ATEN_CPU_CAPABILITY, MKL_CBWR;"), loose.hint());
  }

  @Test
  void checkNeedsAName() {
    assertThrows(IllegalArgumentException.class, () -> new Doctor.Check(" ", true, "", ""));
  }
}
