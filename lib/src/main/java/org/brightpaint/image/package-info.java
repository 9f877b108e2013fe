/** Pure functions over 2-D image arrays: filters, normalisation, resizing, tiling. */
package org.brightpaint.image;
