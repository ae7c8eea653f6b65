@testable import MuseCardStore
import Testing

/// Migration scripts are split into single statements without cutting quoted text or function bodies.
struct SQLStatementsTests {
    @Test func semicolonsInsideQuotesCommentsAndBodiesDoNotSplit() {
        let script = """
            CREATE TABLE a (x text DEFAULT ';'); -- a comment; with a semicolon
            CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $body$ BEGIN PERFORM 1; PERFORM 'it''s; fine'; END $body$;
            SELECT "odd;name" FROM a;
            DO $$ BEGIN NULL; END $$
            """
        let statements = SQLStatements.split(script)
        #expect(statements.count == 4)
        #expect(statements[1].hasSuffix("END $body$"))
        #expect(statements[2] == "SELECT \"odd;name\" FROM a")
    }

    @Test func everyMigrationSplitsIntoStatements() {
        for migration in TeamMigrations.all {
            let statements = SQLStatements.split(migration.sql)
            #expect(statements.count > 10)
            #expect(statements.allSatisfy { !$0.hasPrefix(";") })
        }
    }
}
