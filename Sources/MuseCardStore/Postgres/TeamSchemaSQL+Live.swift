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

        CREATE FUNCTION presence_notify() RETURNS trigger LANGUAGE plpgsql AS $$
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

        -- Called on the connection that holds the card's advisory lock, so its backend pid tells
        -- whether the mark is still alive after a console died.
        CREATE FUNCTION mark_busy(p_scope text, p_user_id text, p_card_id text, p_session text, p_busy boolean) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
            IF p_busy THEN
                INSERT INTO busy AS b (scope, card_id, session_id, user_id, operator, pid, since)
                VALUES (p_scope, p_card_id, p_session, p_user_id, session_user, pg_backend_pid(), clock_timestamp())
                ON CONFLICT (scope, card_id, session_id) DO UPDATE
                SET user_id = EXCLUDED.user_id, pid = EXCLUDED.pid, since = EXCLUDED.since
                WHERE b.operator = session_user;
            ELSE
                DELETE FROM busy WHERE scope = p_scope AND card_id = p_card_id AND session_id = p_session AND operator = session_user;
            END IF;
        END $$;

        -- Marks whose connection still lives (runs as the owner, who sees every backend).
        CREATE FUNCTION busy_cards(p_scope text, p_user_id text, p_session text)
        RETURNS TABLE (card_id text, operator text) LANGUAGE sql SECURITY DEFINER STABLE
        SET search_path = public, pg_temp AS $$
            SELECT b.card_id, b.operator FROM busy b
            WHERE b.scope = p_scope AND b.user_id = p_user_id AND b.session_id <> p_session
              AND EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = b.pid AND a.backend_start <= b.since)
            ORDER BY b.since
        $$;

        CREATE FUNCTION busy_notify() RETURNS trigger LANGUAGE plpgsql AS $$
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
