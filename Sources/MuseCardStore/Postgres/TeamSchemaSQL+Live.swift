extension TeamSchemaSQL {
    /// Who has which cardholder open (a heartbeat row per console session) and which card has an
    /// operation in flight (a row per lock holder); changes are announced on channel `musecard`,
    /// payloads with ids only.
    static let live = """
        CREATE TABLE presence (
            scope text NOT NULL,
            session_id text NOT NULL,
            operator text NOT NULL,
            user_id text NOT NULL,
            seen_at timestamptz NOT NULL,
            PRIMARY KEY (scope, session_id)
        );
        CREATE INDEX presence_by_user ON presence (scope, user_id);

        CREATE FUNCTION announce_presence(p_scope text, p_session text, p_user_id text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
            -- Consoles that died without saying goodbye.
            DELETE FROM presence WHERE seen_at < now() - interval '5 minutes';
            IF p_user_id IS NULL THEN
                DELETE FROM presence WHERE scope = p_scope AND session_id = p_session AND operator = session_user;
            ELSE
                INSERT INTO presence AS p (scope, session_id, operator, user_id, seen_at)
                VALUES (p_scope, p_session, session_user, p_user_id, now())
                ON CONFLICT (scope, session_id) DO UPDATE SET user_id = EXCLUDED.user_id, seen_at = EXCLUDED.seen_at
                WHERE p.operator = session_user;
            END IF;
        END $$;

        CREATE FUNCTION presence_notify() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND (TG_OP = 'DELETE' OR OLD.user_id IS DISTINCT FROM NEW.user_id) THEN
                PERFORM pg_notify('musecard', json_build_object('k', 'viewers', 's', OLD.scope, 'u', OLD.user_id)::text);
            END IF;
            IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD.user_id IS DISTINCT FROM NEW.user_id) THEN
                PERFORM pg_notify('musecard', json_build_object('k', 'viewers', 's', NEW.scope, 'u', NEW.user_id)::text);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER presence_notify AFTER INSERT OR UPDATE OR DELETE ON presence FOR EACH ROW EXECUTE FUNCTION presence_notify();

        CREATE TABLE busy (
            scope text NOT NULL,
            card_id text NOT NULL,
            session_id text NOT NULL,
            user_id text NOT NULL,
            operator text NOT NULL,
            pid integer NOT NULL,
            since timestamptz NOT NULL,
            PRIMARY KEY (scope, card_id, session_id)
        );
        CREATE INDEX busy_by_user ON busy (scope, user_id);

        -- The advisory lock a card's operation holds: one key for `withCardLock` and the liveness check.
        CREATE FUNCTION card_lock_key(p_scope text, p_card_id text) RETURNS bigint LANGUAGE sql IMMUTABLE
        SET search_path = pg_catalog, pg_temp AS $$
            SELECT hashtextextended(p_scope || '/' || p_card_id, 0)
        $$;

        -- Whether backend p_pid holds the card's lock now (pg_locks shows every backend's locks to every role,
        -- and a reused pid would not hold this very lock).
        CREATE FUNCTION card_lock_held(p_scope text, p_card_id text, p_pid integer) RETURNS boolean LANGUAGE sql STABLE
        SET search_path = pg_catalog, pg_temp AS $$
            SELECT EXISTS (SELECT 1 FROM pg_locks l, (SELECT public.card_lock_key(p_scope, p_card_id) AS k) key
                WHERE l.locktype = 'advisory' AND l.granted AND l.pid = p_pid AND l.objsubid = 1
                  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.classid = ((key.k >> 32) & 4294967295)::oid AND l.objid = (key.k & 4294967295)::oid)
        $$;

        -- Called on the connection that holds the card's advisory lock: a mark lives exactly as long as its
        -- lock, so marks left by consoles that died (lock gone with their connection) are removed here.
        CREATE FUNCTION mark_busy(p_scope text, p_user_id text, p_card_id text, p_session text, p_busy boolean) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
            IF p_busy THEN
                IF NOT card_lock_held(p_scope, p_card_id, pg_backend_pid()) THEN
                    RAISE EXCEPTION 'a card is marked busy only while its lock is held' USING ERRCODE = 'MC001';
                END IF;
                DELETE FROM busy b WHERE NOT card_lock_held(b.scope, b.card_id, b.pid);
                INSERT INTO busy AS b (scope, card_id, session_id, user_id, operator, pid, since)
                VALUES (p_scope, p_card_id, p_session, p_user_id, session_user, pg_backend_pid(), clock_timestamp())
                ON CONFLICT (scope, card_id, session_id) DO UPDATE
                SET user_id = EXCLUDED.user_id, pid = EXCLUDED.pid, since = EXCLUDED.since
                WHERE b.operator = session_user;
            ELSE
                DELETE FROM busy WHERE scope = p_scope AND card_id = p_card_id AND session_id = p_session AND operator = session_user;
            END IF;
        END $$;

        -- Marks whose lock is still held; the caller's own rights (agents read busy), no definer needed.
        CREATE FUNCTION busy_cards(p_scope text, p_user_id text, p_session text)
        RETURNS TABLE (card_id text, operator text) LANGUAGE sql STABLE
        SET search_path = public, pg_temp AS $$
            SELECT b.card_id, b.operator FROM busy b
            WHERE b.scope = p_scope AND b.user_id = p_user_id AND b.session_id <> p_session
              AND card_lock_held(b.scope, b.card_id, b.pid)
            ORDER BY b.since
        $$;

        CREATE FUNCTION busy_notify() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        DECLARE
            r busy;
        BEGIN
            IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
            PERFORM pg_notify('musecard', json_build_object('k', 'busy', 's', r.scope, 'u', r.user_id, 'c', r.card_id)::text);
            RETURN NULL;
        END $$;
        CREATE TRIGGER busy_notify AFTER INSERT OR UPDATE OR DELETE ON busy FOR EACH ROW EXECUTE FUNCTION busy_notify();
        """
}
