/**
 * Stratus's vocabulary shared by every bundle: the kinds of failure a person is told about.
 * Model types live in the sub-packages; nothing here depends on AWS, OSGi or SWT.
 */
package io.stratus.core;
