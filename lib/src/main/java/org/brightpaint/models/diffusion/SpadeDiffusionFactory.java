package org.brightpaint.models.diffusion;

import org.brightpaint.models.ModelKind;

/** Builds and loads SPADE-Diffusion generators (registered through {@link java.util.ServiceLoader}). */
public final class SpadeDiffusionFactory extends DiffusionFactory {

  /** Creates the factory. */
  public SpadeDiffusionFactory() {
    super(ModelKind.SPADE_DIFFUSION);
  }
}
