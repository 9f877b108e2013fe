package org.brightpaint.data.io;

/**
 * An error in the user's input (a file, a folder, a value) that the user can fix: the message
 * names the file or value and says what to do. The command line prints the message alone, in one
 * line, and exits 1; other exceptions are programming errors.
 */
public class UserError extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message one line naming the file or value and what to do
   */
  public UserError(String message) {
    super(message);
  }

  /**
   * @param message one line naming the file or value and what to do
   * @param cause the underlying exception (shown with {@code --debug})
   */
  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
