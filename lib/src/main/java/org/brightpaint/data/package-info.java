/** The cpg0000 data: plates, wells, sites, channels, manifests, image I/O and synthetic plates. */
package org.brightpaint.data;
