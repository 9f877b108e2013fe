package org.brightpaint.training;

import org.brightpaint.models.Generator;

/** Training stopped for a reason the user can act on: NaN loss, out of memory. */
public final class TrainingException extends RuntimeException {

  /**
   * @param message what happened and what to do
   */
  public TrainingException(String message) {
    super(message);
  }

  /**
   * @param message what happened and what to do
   * @param cause the engine's error
   */
  public TrainingException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Translates an engine error: out-of-memory errors become a message naming the batch and
   * image size to lower; anything else is rethrown unchanged.
   *
   * @param e the error
   * @param batch the batch size in use
   * @param train the training data
   * @param generator the generator
   * @return the exception to throw
   */
  static RuntimeException ifOutOfMemory(Throwable e, int batch, PairedSource train, Generator generator) {
    String msg = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (e instanceof OutOfMemoryError || msg.contains("out of memory") || msg.contains("can't allocate")
        || msg.contains("not enough memory")) {
      return new TrainingException("Out of memory on " + generator.device() + " training "
          + generator.options().kind().cliName() + " at batch size " + batch + " and image size "
          + generator.options().imageSize() + " x " + generator.options().imageSize()
          + ": lower the batch size or the crop size (or the base width " + generator.options().baseWidth() + ")", e);
    }
    return e instanceof RuntimeException r ? r : new TrainingException(e.toString(), e);
  }
}
