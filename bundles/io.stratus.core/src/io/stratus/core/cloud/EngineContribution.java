package io.stratus.core.cloud;

import java.util.List;

/**
 * The engines a bundle adds, registered as a DS service (whiteboard); the explorer collects them
 * for connection defaults and for the front ends' engine lists.
 */
public interface EngineContribution {

    List<DatabaseEngine> engines();
}
