package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.DynamoDbItemsTest.n;
import static io.stratus.aws.simulator.tests.DynamoDbItemsTest.s;
import static io.stratus.aws.simulator.tests.TestSeed.ALICE;
import static io.stratus.aws.simulator.tests.TestSeed.ERIN;
import static io.stratus.aws.simulator.tests.TestSeed.ERIN_ARN;
import static io.stratus.aws.simulator.tests.TestSeed.ITEMS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;

/** ExecuteStatement: PartiQL for DynamoDB through the real DynamoDbClient. */
class DynamoDbPartiqlTest extends SimulatorTestBase {

    private static final int SONGS = 30;

    @BeforeAll
    static void insertSongs() {
        for (int i = 0; i < SONGS; i++) {
            String artist = i % 3 == 0 ? "Acme Band" : "Zed";
            execute("INSERT INTO songs VALUE {'artist': ?, 'title': ?, 'year': ?, 'plays': " + i * 10 + "}",
                    s(artist), s("Song %02d".formatted(i)), n(Integer.toString(1990 + i)));
        }
    }

    @Test
    void insertsSelectsUpdatesAndDeletesWithParameters() {
        execute("INSERT INTO \"songs\" VALUE {'artist': 'O''Brien', 'title': ?, 'tags': <<'live', 'rare'>>, "
                + "'credits': [{'role': 'bass', 'name': 'Mo'}], 'released': TRUE, 'label': NULL,'track':-7}", s("Encore"));
        Map<String, AttributeValue> inserted = dynamoDb(ITEMS, ALICE).getItem(r -> r.tableName("songs")
                .key(Map.of("artist", s("O'Brien"), "title", s("Encore")))).item();
        assertEquals(AttributeValue.fromSs(List.of("live", "rare")), inserted.get("tags"));
        assertEquals(AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("role", s("bass"), "name", s("Mo"))))),
                inserted.get("credits"));
        assertEquals(AttributeValue.fromBool(true), inserted.get("released"));
        assertEquals(AttributeValue.fromNul(true), inserted.get("label"));
        assertEquals(n("-7"), inserted.get("track"));

        execute("UPDATE songs SET plays = 5, rating = ? SET credits[0].name = 'Moe' REMOVE label "
                + "WHERE artist = 'O''Brien' AND title = 'Encore'", n("4.5"));
        execute("UPDATE songs SET plays = plays + 1 WHERE artist = ? AND title = ? AND plays < 10",
                s("O'Brien"), s("Encore"));
        assertEquals(List.of(Map.of("plays", n("6"), "rating", n("4.5"),
                "credits", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("name", s("Moe"))))))),
                execute("SELECT plays, rating, credits[0].name FROM songs WHERE artist = ? AND title = 'Encore'",
                        s("O'Brien")).items());

        execute("DELETE FROM songs WHERE artist = 'O''Brien' AND title = 'Encore'");
        assertEquals(List.of(), execute("SELECT * FROM songs WHERE artist = 'O''Brien'").items());
    }

    @Test
    void pagesGoOnFromTheNextTokenWithoutSkippingOrRepeating() {
        List<String> titles = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ExecuteStatementResponse page = dynamoDb(ITEMS, ALICE).executeStatement(r -> r
                    .statement("SELECT title FROM songs WHERE artist = ?").parameters(s("Zed")).limit(7).nextToken(next));
            page.items().forEach(item -> titles.add(item.get("title").s()));
            assertTrue(page.items().size() <= 7);
            token = page.nextToken();
            pages++;
        } while (token != null);

        List<String> zed = new ArrayList<>();
        for (int i = 0; i < SONGS; i++) {
            if (i % 3 != 0) {
                zed.add("Song %02d".formatted(i));
            }
        }
        assertEquals(zed, titles, "the partition, in sort key order, once");
        assertEquals(3, pages, "20 items in pages of at most 7");

        List<String> scanned = new ArrayList<>();
        ExecuteStatementResponse page = execute("SELECT * FROM songs WHERE plays >= 100 AND NOT artist = 'Zed'");
        page.items().forEach(item -> scanned.add(item.get("title").s()));
        assertEquals(List.of("Song 12", "Song 15", "Song 18", "Song 21", "Song 24", "Song 27"), scanned);
        assertNull(page.nextToken());
    }

    @Test
    void whereClausesHaveTheConditionsOfExpressions() {
        assertEquals(List.of("Song 03", "Song 04", "Song 05"), titles("SELECT * FROM songs WHERE plays BETWEEN 30 AND 50"));
        assertEquals(List.of("Song 00", "Song 29"), titles("SELECT * FROM songs WHERE \"year\" IN [1990, 2019]"));
        assertEquals(List.of("Song 01"), titles("SELECT * FROM songs WHERE begins_with(title, 'Song 0') AND "
                + "(plays = 10 OR plays = 11) AND contains(artist, 'Ze')"));
        assertEquals(List.of(), titles("SELECT * FROM songs WHERE rating IS NOT MISSING"));
        assertEquals(SONGS, titles("SELECT * FROM songs WHERE rating IS MISSING AND attribute_type(plays, 'N')").size());
        assertEquals(List.of("Song 29"), titles("SELECT * FROM songs WHERE plays > ? AND size(title) = ?", n("280"), n("7")));
    }

    @Test
    void writesOfAnExistingOrMissingItemFailAsAtDynamoDb() {
        DuplicateItemException duplicate = assertThrows(DuplicateItemException.class,
                () -> execute("INSERT INTO songs VALUE {'artist': 'Zed', 'title': 'Song 01'}"));
        assertEquals("Duplicate primary key exists in table", duplicate.awsErrorDetails().errorMessage());
        assertThrows(ConditionalCheckFailedException.class,
                () -> execute("UPDATE songs SET plays = 1 WHERE artist = 'Zed' AND title = 'No such song'"));
        assertThrows(ConditionalCheckFailedException.class,
                () -> execute("DELETE FROM songs WHERE artist = 'Zed' AND title = 'Song 01' AND plays = 0"));
        assertFalse(execute("SELECT * FROM songs WHERE artist = 'Zed' AND title = 'Song 01'").items().isEmpty(),
                "a failed condition deletes nothing");
        execute("DELETE FROM songs WHERE artist = 'Zed' AND title = 'No such song'");
    }

    @Test
    void refusesStatementsDynamoDbRefuses() {
        assertInvalid("Statement wasn't well formed, can't be processed: Syntax error; token: \"WHERE\", near: \"FROM WHERE\"",
                () -> execute("SELECT * FROM WHERE artist = 'Zed'"));
        assertInvalid("Statement wasn't well formed, can't be processed: Unterminated quote starting at position 36",
                () -> execute("SELECT * FROM songs WHERE artist = 'Zed"));
        assertInvalid("Number of parameters in request and statement don't match.",
                () -> execute("SELECT * FROM songs WHERE artist = ?"));
        assertInvalid("Where clause does not contain a mandatory equality on all key attributes",
                () -> execute("UPDATE songs SET plays = 1 WHERE artist = 'Zed'"));
        assertInvalid("One or more parameter values were invalid: Missing the key title in the item",
                () -> execute("INSERT INTO songs VALUE {'artist': 'Zed'}"));
        assertInvalid("The table does not have the specified index: by-year",
                () -> execute("SELECT * FROM songs.\"by-year\""));
        assertAwsError("ResourceNotFoundException", 400, () -> execute("SELECT * FROM \"no-such-table\""));
    }

    @Test
    void eachKindOfStatementIsItsOwnIamAction() {
        String denied = assertAwsError("AccessDeniedException", 403, () -> dynamoDb(ITEMS, ERIN).executeStatement(r -> r
                .statement("INSERT INTO songs VALUE {'artist': 'Erin', 'title': 'Mine'}"))).awsErrorDetails().errorMessage();
        assertTrue(denied.startsWith("User: " + ERIN_ARN + " is not authorized to perform: dynamodb:PartiQLInsert on "
                + "resource: arn:aws:dynamodb:eu-central-1:" + TestSeed.ACCOUNT + ":table/songs"), denied);
        assertEquals(1, dynamoDb(ITEMS, ERIN).executeStatement(r -> r
                .statement("SELECT * FROM songs WHERE artist = 'Zed' AND title = 'Song 02'")).items().size());
    }

    @Test
    void selectsFromAnIndex() {
        DynamoDbClient db = dynamoDb(ITEMS, ALICE);
        db.putItem(r -> r.tableName("readings").item(Map.of("sensor", s("p1"), "at", n("1"), "kind", s("rain"))));
        db.putItem(r -> r.tableName("readings").item(Map.of("sensor", s("p2"), "at", n("1"), "kind", s("rain"))));
        db.putItem(r -> r.tableName("readings").item(Map.of("sensor", s("p3"), "at", n("1"))));
        assertEquals(List.of("p1", "p2"), db.executeStatement(r -> r
                .statement("SELECT sensor FROM \"readings\".\"kind\" WHERE kind = 'rain'")).items().stream()
                .map(item -> item.get("sensor").s()).toList());
    }

    private static List<String> titles(String statement, AttributeValue... parameters) {
        List<String> titles = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ExecuteStatementResponse page = dynamoDb(ITEMS, ALICE).executeStatement(r -> r.statement(statement)
                    .parameters(parameters.length == 0 ? null : List.of(parameters)).nextToken(next));
            page.items().forEach(item -> titles.add(item.get("title").s()));
            token = page.nextToken();
        } while (token != null);
        return titles.stream().sorted().toList();
    }

    private static ExecuteStatementResponse execute(String statement, AttributeValue... parameters) {
        return dynamoDb(ITEMS, ALICE).executeStatement(r -> r.statement(statement)
                .parameters(parameters.length == 0 ? null : List.of(parameters)));
    }

    private static void assertInvalid(String message, Executable call) {
        assertEquals(message, assertAwsError("ValidationException", 400, call).awsErrorDetails().errorMessage());
    }
}
