package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.ArrayList;
import java.util.List;

/**
 * Test double of IJava's entry point, with the same static accessor, so that the display
 * bridge's reflective IJava path can be tested without the kernel. {@link #kernel} is null
 * except inside a test.
 */
public final class IJava {

  /** The running fake kernel, or null. */
  public static volatile FakeKernel kernel;

  private IJava() {}

  /** @return the fake kernel, like IJava's own accessor */
  public static FakeKernel getKernelInstance() {
    return kernel;
  }

  /** Records what it was asked to display. */
  public static final class FakeKernel {
    /** Every DisplayData received. */
    public final List<DisplayData> shown = new ArrayList<>();

    /** @param data the display data, as IJava's {@code BaseKernel.display} */
    public void display(DisplayData data) {
      shown.add(data);
    }
  }
}
