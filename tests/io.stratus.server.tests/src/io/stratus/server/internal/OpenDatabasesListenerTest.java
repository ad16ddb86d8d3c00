package io.stratus.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stratus.core.database.OpenDatabase;
import io.stratus.core.database.OpenDatabasesListener;
import io.stratus.testing.StratusServices;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The database service tells its {@link OpenDatabasesListener}s of each database opened and closed
 * (by its owner, and with the session), with the session they belong to: what the desktop's explorer
 * follows to show and drop catalogs.
 */
class OpenDatabasesListenerTest {

    private static LocalDatabaseInstance instance;

    @BeforeAll
    static void start() throws Exception {
        instance = LocalDatabaseInstance.start("listeners", List.of(), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        instance.close();
    }

    @Test
    void openingAndClosingAreToldWithTheirSession() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        OpenDatabasesListener listener = new OpenDatabasesListener() {
            @Override
            public void opened(String sessionId, OpenDatabase database) {
                heard.add("opened " + database.id() + " " + database.resourceId());
            }

            @Override
            public void closed(String sessionId, String connectionId) {
                heard.add("closed " + connectionId);
            }
        };
        ServiceRegistration<OpenDatabasesListener> registration = FrameworkUtil.getBundle(OpenDatabasesListenerTest.class)
                .getBundleContext().registerService(OpenDatabasesListener.class, listener, null);
        try {
            String first = open();
            StratusServices.awaitTrue("the opening told", () -> heard.size() == 1);
            assertEquals(List.of("opened " + first + " " + LocalDatabaseInstance.RESOURCE), heard);
            assertEquals(204, instance.alice.send("DELETE", "/api/databases/" + first, null).statusCode());
            assertEquals("closed " + first, heard.get(1));

            String second = open();
            assertEquals(204, instance.alice.send("DELETE", "/api/session", null).statusCode());
            StratusServices.awaitTrue("the session's end told", () -> heard.size() == 4);
            assertEquals(List.of("opened " + second + " " + LocalDatabaseInstance.RESOURCE, "closed " + second),
                    heard.subList(2, 4));
        } finally {
            registration.unregister();
        }
    }

    private static String open() throws Exception {
        HttpResponse<String> opened = instance.alice.post("/api/databases", Map.of("resourceId", LocalDatabaseInstance.RESOURCE,
                "username", instance.postgres.user(), "password", instance.postgres.password()));
        assertEquals(201, opened.statusCode(), opened.body());
        return ApiClient.json(opened).get("id").asText();
    }
}
