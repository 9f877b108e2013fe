/**
 * brightpaint: predicting Cell Painting fluorescence from brightfield, and judging the prediction
 * by image quality and by the biology it keeps.
 */
package org.brightpaint;
