package io.github.spencerpark.jupyter.kernel.display;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test double of jupyter-jvm-basekernel's DisplayData: no-arg constructor and putData. */
public class DisplayData {
  /** MIME type to data. */
  public final Map<String, Object> data = new LinkedHashMap<>();

  /** An empty display data. */
  public DisplayData() {}

  /**
   * @param mimeType the MIME type
   * @param value the data
   */
  public void putData(String mimeType, Object value) {
    data.put(mimeType, value);
  }
}
