/**
 * The configuration store's service interface, {@link io.stratus.core.store.ConfigStore}: one
 * transaction at a time, which hands out a reader or writer per feature area (identity and roles,
 * saved connections, audit). Each area owns its tables and their schema versions in the store
 * implementation; a new feature adds an area or widens only its own.
 */
package io.stratus.core.store;
