package org.brightpaint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.spencerpark.ijava.IJava;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IJava/JJava-style reflective path, against the test doubles in io.github.spencerpark. */
class ReflectiveKernelOutputTest {

  @Test
  void publishesEveryMimeTypeThroughAnIJavaStyleKernel() {
    IJava.FakeKernel fake = new IJava.FakeKernel();
    IJava.kernel = fake;
    try {
      ReflectiveKernelOutput out = ReflectiveKernelOutput.find();
      assertNotNull(out);
      assertEquals("ijava", out.name());
      out.publish(MimeBundle.ofHtml("<b>x</b>", "x"));
      assertEquals(1, fake.shown.size());
      assertEquals(Map.of("text/plain", "x", "text/html", "<b>x</b>"), fake.shown.get(0).data);
    } finally {
      IJava.kernel = null;
    }
  }

  @Test
  void noKernelRunningMeansNoKernelOutput() {
    IJava.kernel = null;
    assertNull(ReflectiveKernelOutput.find());
  }
}
