/**
 * The result grid: a statement's rows in a virtual table that reads further pages as the person
 * scrolls, with copy, export and a value viewer, for every editor that shows rows.
 */
package io.stratus.ui.results;
