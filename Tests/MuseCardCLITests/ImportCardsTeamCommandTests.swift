import Foundation
import MuseCardTestSupport
import Testing

/// `musecard cards import` with a team profile: the cards land in the team database, for every agent of the team.
struct ImportCardsTeamCommandTests {
    @Test func aTeamProfileImportsIntoTheTeamDatabase() async throws {
        let cluster = try await PostgresCluster.shared()
        let database = try await cluster.makeDatabase()
        let h = try CLIStoreHarness()
        let agent = cluster.uniqueName("importer")
        try await cluster.createLogin(role: agent, memberOf: [], password: "pw-\(agent)")
        try h.writeConfig("""
            profiles:
              team:
                partner_id: "200001"
                store: {kind: postgres, url: "\(cluster.url(for: agent, database: database))", password_file: "\(cluster.passwordFile(for: agent))"}
            """)
        let csv = try ImportCardsCommandTests.file("cards.csv", "user_id,card_id,label\nU1,C2,Ada Lovelace\nU1,C1,\nU2,C9,\nU2,,no card\n")

        let early = try await h.run(["cards", "import", "--profile", "team", csv])
        #expect(early.status == 78 && early.stderr.contains("run musecard team init"), "an empty database: \(early.stderr)")

        let setup = try await h.run(["team", "init", "--url", cluster.url(for: cluster.superuser, database: database),
                                     "--password-file", cluster.passwordFile(for: cluster.superuser)])
        #expect(setup.status == 0, "\(setup.stderr)")
        try await cluster.superSQL("GRANT musecard_agent TO \(agent)", database: "postgres")
        let imported = try await h.run(["cards", "import", "--profile", "team", csv])
        #expect(imported.status == 1, "one line rejected: \(imported.stderr)")
        #expect(imported.stdout.contains("the team database \(agent)@127.0.0.1") && imported.stdout.contains("cards added     3"), "\(imported.stdout)")
        #expect(imported.stderr.contains("line 5: card_id: must not be empty"), "\(imported.stderr)")
        let rows = try await cluster.superSQL("SELECT scope || ' ' || user_id || ' ' || card_id FROM card ORDER BY user_id, added_at, seq", database: database)
        #expect(rows.split(separator: "\n") == ["sandbox/200001 U1 C2", "sandbox/200001 U1 C1", "sandbox/200001 U2 C9"], "\(rows)")
        let labels = try await cluster.superSQL("SELECT user_id || '=' || coalesce(label, '-') FROM cardholder ORDER BY user_id", database: database)
        #expect(labels.split(separator: "\n") == ["U1=Ada Lovelace", "U2=-"])
        #expect(try await ImportCardsCommandTests.listed(h, "U1").isEmpty, "the agent's own file is untouched")

        let again = try await h.run(["cards", "import", "--profile", "team", csv])
        #expect(again.stdout.contains("cards added     0") && again.stdout.contains("already known   3"), "\(again.stdout)")
    }
}
