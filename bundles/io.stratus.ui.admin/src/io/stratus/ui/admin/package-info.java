/** The administration's commands and parts in the workbench: Users and Roles editor, Audit Trail view. */
package io.stratus.ui.admin;
