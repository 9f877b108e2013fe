package org.brightpaint.data.download;

/**
 * A download that cannot go on: no such plate or object, a network or server error, or a file whose
 * bytes do not match the object's size or ETag. The message is one line naming the object or value
 * and what to do.
 */
public final class DownloadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message one line naming the object or value and what to do
   */
  public DownloadException(String message) {
    super(message);
  }

  /**
   * @param message one line naming the object or value and what to do
   * @param cause the underlying failure
   */
  public DownloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
