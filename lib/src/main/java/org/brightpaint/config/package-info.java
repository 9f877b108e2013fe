/** Typed run configuration read in one place: the run size and the workspace folder. */
package org.brightpaint.config;
