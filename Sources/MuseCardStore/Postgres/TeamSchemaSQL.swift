/// The SQL of schema version 1: group roles, the hash-chained audit trail, approvals enforced by
/// SECURITY DEFINER functions, presence and busy marks, and NOTIFY on channel `musecard`.
/// Every row carries `scope` (`TeamScope.key`), so sandbox rows never show in production.
enum TeamSchemaSQL {
    /// Group roles (and `musecard_owner`, who owns the tables and functions); cluster-wide, so creating one that another database already made is fine.
    static let roles = """
        DO $roles$
        BEGIN
            BEGIN CREATE ROLE musecard_agent NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
            BEGIN CREATE ROLE musecard_approver NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
            BEGIN CREATE ROLE musecard_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
            IF NOT pg_has_role('musecard_approver', 'musecard_agent', 'MEMBER') THEN
                BEGIN GRANT musecard_agent TO musecard_approver; EXCEPTION WHEN unique_violation THEN NULL; END;
            END IF;
        END $roles$;
        """

    /// The audit trail: the server stamps id, operator, time and the hash chain; nobody but a superuser changes a row.
    static let audit = """
        CREATE TABLE audit (
            id bigint PRIMARY KEY,
            scope text NOT NULL,
            time timestamptz NOT NULL,
            operator text NOT NULL,
            session_id text NOT NULL,
            ticket text,
            profile text NOT NULL,
            user_id text NOT NULL,
            card_id text,
            action text NOT NULL,
            parameters jsonb NOT NULL DEFAULT '{}',
            phase text NOT NULL CHECK (phase IN ('intent', 'result')),
            outcome text CHECK (outcome IN ('applied', 'refused', 'not-sent', 'unknown')),
            code text,
            message text,
            error text,
            answer_values jsonb NOT NULL DEFAULT '{}',
            request_id text,
            operation_id text,
            run_id text,
            prev_hash text NOT NULL,
            hash text NOT NULL
        );
        CREATE INDEX audit_by_card ON audit (scope, card_id, id);
        CREATE INDEX audit_by_user ON audit (scope, user_id, id);

        -- One row: the last id and hash. Locking it serialises appends, so ids follow the chain.
        CREATE TABLE audit_chain_head (
            only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
            last_id bigint NOT NULL,
            hash text NOT NULL
        );
        INSERT INTO audit_chain_head VALUES (true, 0, repeat('0', 64));

        -- The text a row's hash covers, with the previous hash in front.
        CREATE FUNCTION audit_canonical(a audit) RETURNS text LANGUAGE sql STABLE
        SET search_path = public, pg_temp AS $$
            SELECT jsonb_build_array(a.id, a.scope, to_char(a.time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                a.operator, a.session_id, a.ticket, a.profile, a.user_id, a.card_id, a.action, a.parameters, a.phase,
                a.outcome, a.code, a.message, a.error, a.answer_values, a.request_id, a.operation_id, a.run_id)::text
        $$;

        CREATE FUNCTION audit_stamp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
        DECLARE
            head audit_chain_head;
        BEGIN
            SELECT * INTO head FROM audit_chain_head FOR UPDATE;
            NEW.id := head.last_id + 1;
            NEW.operator := session_user;
            NEW.time := clock_timestamp();
            NEW.parameters := coalesce(NEW.parameters, '{}');
            NEW.answer_values := coalesce(NEW.answer_values, '{}');
            NEW.prev_hash := head.hash;
            NEW.hash := encode(sha256(convert_to(head.hash || audit_canonical(NEW), 'UTF8')), 'hex');
            UPDATE audit_chain_head SET last_id = NEW.id, hash = NEW.hash;
            IF NEW.phase = 'result' AND NEW.card_id IS NOT NULL THEN
                PERFORM pg_notify('musecard', json_build_object('k', 'card', 's', NEW.scope, 'u', NEW.user_id, 'c', NEW.card_id)::text);
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER audit_stamp BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION audit_stamp();

        CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql
        SET search_path = public, pg_temp AS $$
        BEGIN
            IF NOT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false) THEN
                RAISE EXCEPTION 'the audit trail is append-only: % refused for %', TG_OP, current_user
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
        CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
        """

    /// Grants: agents append to and read the audit trail, read the rest; every change goes through a function.
    /// Nobody but the schema's owner creates objects in `public`, where the SECURITY DEFINER functions resolve
    /// names (PostgreSQL 15's default, made sure of for older servers and databases set up otherwise).
    static let grants = """
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        REVOKE ALL ON audit, audit_chain_head, approvals, presence, busy, musecard_schema_version FROM PUBLIC;
        GRANT SELECT, INSERT ON audit TO musecard_agent;
        GRANT SELECT ON approvals, presence, busy, audit_chain_head, musecard_schema_version TO musecard_agent;
        REVOKE ALL ON FUNCTION audit_stamp(), audit_refuse_change(), approval_refuse(text), approval_decidable(text),
            approval_audit(approvals, text, jsonb, text, text), approvals_notify(), presence_notify(), busy_notify(),
            request_approval(text, text, text, text, text, integer, text, text), approve_approval(text, text, text, text),
            deny_approval(text, text, text, text), consume_approval(text, text), announce_presence(text, text, text),
            mark_busy(text, text, text, text, boolean), busy_cards(text, text, text), card_lock_key(text, text),
            card_lock_held(text, text, integer) FROM PUBLIC;
        GRANT EXECUTE ON FUNCTION request_approval(text, text, text, text, text, integer, text, text),
            approve_approval(text, text, text, text), deny_approval(text, text, text, text), consume_approval(text, text),
            announce_presence(text, text, text), mark_busy(text, text, text, text, boolean), busy_cards(text, text, text),
            card_lock_key(text, text), card_lock_held(text, text, integer)
            TO musecard_agent;
        """

    /// The tables and functions belong to `musecard_owner`, a role nobody logs in as and no superuser: the
    /// SECURITY DEFINER functions run with its rights, not those of whoever ran `team init`.
    static let owner = """
        GRANT musecard_owner TO CURRENT_USER;
        ALTER TABLE audit OWNER TO musecard_owner;
        ALTER TABLE audit_chain_head OWNER TO musecard_owner;
        ALTER TABLE approvals OWNER TO musecard_owner;
        ALTER TABLE presence OWNER TO musecard_owner;
        ALTER TABLE busy OWNER TO musecard_owner;
        DO $owner$
        DECLARE
            f regprocedure;
        BEGIN
            FOR f IN SELECT p.oid::regprocedure FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proname = ANY (ARRAY[
                'audit_canonical', 'audit_stamp', 'audit_refuse_change', 'approval_refuse', 'approval_time', 'approval_audit',
                'request_approval', 'approval_decidable', 'approve_approval', 'deny_approval', 'consume_approval', 'approvals_notify',
                'announce_presence', 'presence_notify', 'card_lock_key', 'card_lock_held', 'mark_busy', 'busy_cards', 'busy_notify'])
            LOOP
                EXECUTE format('ALTER FUNCTION %s OWNER TO musecard_owner', f);
            END LOOP;
        END $owner$;
        """
}
