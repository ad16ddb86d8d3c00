/**
 * A small stand-in for SWTBot (which is not on Maven Central): drives a running SWT user interface
 * from a test thread, waits for it with timeouts and saves screenshots of what the test saw.
 */
package io.stratus.ui.testkit;
