import Foundation
@testable import MuseCardStore
import MuseCardTestSupport
import Testing

/// What an agent can do to the team database with the real `psql` and their own login, skipping MuseCard.
struct TeamSecurityTests {
    static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    @Test func anAgentsForgedAuditStampsAreOverwrittenByTheServer() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (alice, database) = try await rig.person("alice")
        let (carol, _) = try await rig.person("carol", approver: true)
        let insert = try await rig.psql(as: alice, """
            INSERT INTO audit (id, scope, time, operator, session_id, profile, user_id, card_id, action, phase, outcome, prev_hash, hash)
            VALUES (42, '\(rig.scope.key)', '2001-01-01 00:00:00+00', '\(carol)', 's', 'psql', 'U1', 'C1', 'unlock', 'result', 'applied',
                    'forged-prev', 'forged-hash')
            """)
        #expect(insert.status == 0, "\(insert.stderr)")
        let row = try await rig.superSQL("SELECT id, operator, time > now() - interval '1 hour', prev_hash FROM audit")
        #expect(Self.trimmed(row) == "1|\(alice)|t|\(PostgresAuditChain.genesis)", "\(row)")
        #expect(try await PostgresAuditChain.verify(database) == .verified(rows: 1))
    }

    @Test func anAgentCannotTouchOthersPresenceOrBusyMarksNorTruncate() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let (_, alice, _) = try await PostgresTeamChannelTests.channel(rig, "alice")
        let (bob, _) = try await rig.person("bob")
        let scope = rig.scope.key, aliceSession = alice.sessionId
        try await alice.announceOpen(userId: "U1")
        let (inside, entered) = AsyncStream.makeStream(of: Void.self)
        let (release, releaseSignal) = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await alice.withCardLock(userId: "U1", cardId: "C1") {
                entered.yield()
                for await _ in release { break }
            }
        }
        for await _ in inside { break }

        for sql in ["UPDATE presence SET user_id = 'U9'", "DELETE FROM presence", "UPDATE busy SET operator = 'x'", "DELETE FROM busy",
                    "INSERT INTO busy VALUES ('\(scope)', 'C9', 's', 'U1', 'x', 1, now())",
                    "INSERT INTO presence VALUES ('\(scope)', 's', 'x', 'U1', now())",
                    "TRUNCATE presence", "TRUNCATE busy", "TRUNCATE approvals", "TRUNCATE audit_chain_head",
                    "UPDATE approvals SET state = 'approved'", "DELETE FROM musecard_schema_version"] {
            let result = try await rig.psql(as: bob, sql)
            #expect(result.status != 0 && result.stderr.contains("permission denied"), "\(sql): \(result.stderr)")
        }
        // Through the functions, with Alice's session id: her rows stay as they are.
        let through = try await rig.psql(as: bob, """
            SELECT announce_presence('\(scope)', '\(aliceSession)', 'U9');
            SELECT announce_presence('\(scope)', '\(aliceSession)', NULL);
            SELECT mark_busy('\(scope)', 'U1', 'C1', '\(aliceSession)', false);
            """)
        #expect(through.status == 0, "\(through.stderr)")
        #expect(Self.trimmed(try await rig.superSQL("SELECT user_id FROM presence WHERE session_id = '\(aliceSession)'")) == "U1")
        #expect(Self.trimmed(try await rig.superSQL("SELECT count(*) FROM busy WHERE session_id = '\(aliceSession)'")) == "1")
        releaseSignal.yield()
        try await holder.value
        await alice.close()
    }

    @Test func onlyMuseCardRolesRunTheFunctionsWhichPinTheirSearchPath() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let outsider = try await rig.login("outsider", agent: false)
        let (agent, _) = try await rig.person("agent")
        for sql in ["SELECT request_approval('\(rig.scope.key)', 'U1', 'C1', 'LOST', 'n', 15, 'p', 's')",
                    "SELECT announce_presence('\(rig.scope.key)', 's', 'U1')", "SELECT * FROM busy_cards('x', 'U1', 's')",
                    "SELECT * FROM approvals", "SELECT * FROM audit"] {
            let result = try await rig.psql(as: outsider, sql)
            #expect(result.status != 0 && result.stderr.contains("permission denied"), "\(sql): \(result.stderr)")
        }
        // A function of the agent's own in public could shadow a name the definer functions look up.
        let shadow = try await rig.psql(as: agent, "CREATE FUNCTION public.approval_time(t timestamptz) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$")
        #expect(shadow.status != 0 && shadow.stderr.contains("permission denied"), "\(shadow.stderr)")
        // Every SECURITY DEFINER function: search_path pinned with pg_temp last, no dynamic SQL, no EXECUTE for PUBLIC.
        let loose = try await rig.superSQL("""
            SELECT string_agg(proname, ',') FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prosecdef
              AND (proconfig IS NULL OR NOT 'search_path=public, pg_temp' = ANY (proconfig) OR prosrc ~* '\\mEXECUTE\\M'
                   OR has_function_privilege('\(outsider)', oid, 'EXECUTE'))
            """)
        #expect(Self.trimmed(loose).isEmpty, "\(loose)")
        let definers = try await rig.superSQL("""
            SELECT string_agg(proname, ',' ORDER BY proname) FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prosecdef
            """)
        #expect(Self.trimmed(definers) == "announce_presence,approve_approval,audit_stamp,consume_approval,deny_approval,mark_busy,request_approval")
        // They run with the rights of musecard_owner: no superuser, nobody logs in as it; it owns the tables too.
        let owners = try await rig.superSQL("""
            SELECT string_agg(DISTINCT r.rolname || (CASE WHEN r.rolsuper OR r.rolcanlogin THEN '!' ELSE '' END), ',') FROM (
                SELECT proowner AS owner FROM pg_proc WHERE pronamespace = 'public'::regnamespace
                UNION ALL SELECT relowner FROM pg_class WHERE relnamespace = 'public'::regnamespace
                    AND relname IN ('audit', 'audit_chain_head', 'approvals', 'presence', 'busy')) o JOIN pg_roles r ON r.oid = o.owner
            """)
        #expect(Self.trimmed(owners) == "musecard_owner", "\(owners)")
    }

    @Test func aLoginNamedLikeAKeywordIsQuoted() async throws {
        let rig = try await TeamRig.make()
        defer { Task { await rig.closeAll() } }
        let admin = try await rig.connect(as: rig.cluster.superuser)
        try await admin.createLogin("grant", password: "it's a pass\\word", approver: true)
        let member = try await rig.superSQL("""
            SELECT pg_has_role('grant', 'musecard_approver', 'MEMBER'), left(rolpassword, 14) FROM pg_authid WHERE rolname = 'grant'
            """)
        #expect(Self.trimmed(member) == "t|SCRAM-SHA-256$", "\(member)")
        #expect(SQLStatements.identifier("a\"b") == "\"a\"\"b\"")
        #expect(SQLStatements.literal("it's") == "'it''s'" && SQLStatements.literal("a\\b") == "E'a\\\\b'")
    }
}
