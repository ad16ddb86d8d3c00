/** The workbench's signed-in person: the current session service, its changes, and its commands. */
package io.stratus.ui.session;
