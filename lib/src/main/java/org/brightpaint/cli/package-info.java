/** The {@code brightpaint} command line (picocli): one class per subcommand. */
package org.brightpaint.cli;
