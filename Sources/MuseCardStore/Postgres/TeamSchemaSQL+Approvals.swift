extension TeamSchemaSQL {
    /// Approvals: agents only read the table; each step is a function that checks the four-eyes rules
    /// with the database's identity and writes its own audit row. Refusals raise SQLSTATE MC001.
    static let approvals = """
        CREATE TABLE approvals (
            id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
            scope text NOT NULL,
            user_id text NOT NULL,
            card_id text NOT NULL,
            lock_reason text NOT NULL,
            requested_by text NOT NULL,
            requested_at timestamptz NOT NULL,
            note text NOT NULL CHECK (btrim(note) <> ''),
            expires_at timestamptz NOT NULL,
            state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'denied', 'used')),
            decided_by text,
            decided_at timestamptz,
            decision_note text,
            used_at timestamptz,
            CHECK (decided_by IS NULL OR decided_by <> requested_by),
            CHECK (state <> 'denied' OR coalesce(btrim(decision_note), '') <> '')
        );
        CREATE INDEX approvals_by_state ON approvals (scope, state, requested_at);
        CREATE INDEX approvals_by_card ON approvals (scope, card_id, requested_at);

        CREATE FUNCTION approval_refuse(reason text) RETURNS void LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
            RAISE EXCEPTION '%', reason USING ERRCODE = 'MC001';
        END $$;

        CREATE FUNCTION approval_time(t timestamptz) RETURNS text LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
            SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"')
        $$;

        CREATE FUNCTION approval_audit(r approvals, p_action text, p_extra jsonb, p_profile text, p_session text) RETURNS void
        LANGUAGE sql SET search_path = public, pg_temp AS $$
            INSERT INTO audit (scope, session_id, profile, user_id, card_id, action, parameters, phase, outcome)
            VALUES (r.scope, coalesce(p_session, ''), coalesce(p_profile, ''), r.user_id, r.card_id, p_action,
                    jsonb_build_object('approval_id', r.id, 'lock_reason', r.lock_reason) || p_extra, 'result', 'applied')
        $$;

        CREATE FUNCTION request_approval(p_scope text, p_user_id text, p_card_id text, p_lock_reason text, p_note text,
                                         p_minutes integer, p_profile text, p_session text)
        RETURNS approvals LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            r approvals;
        BEGIN
            IF NOT pg_has_role(session_user, 'musecard_agent', 'MEMBER') THEN
                PERFORM approval_refuse(format('%s is not a MuseCard agent (musecard_agent)', session_user));
            END IF;
            IF coalesce(btrim(p_note), '') = '' THEN PERFORM approval_refuse('a request for approval needs a note'); END IF;
            IF coalesce(btrim(p_card_id), '') = '' OR coalesce(btrim(p_user_id), '') = '' THEN
                PERFORM approval_refuse('a request for approval names the cardholder and the card');
            END IF;
            IF p_minutes IS NULL OR p_minutes NOT BETWEEN 1 AND 1440 THEN
                PERFORM approval_refuse('an approval lasts from 1 to 1440 minutes');
            END IF;
            INSERT INTO approvals (scope, user_id, card_id, lock_reason, requested_by, requested_at, note, expires_at)
            VALUES (p_scope, p_user_id, p_card_id, coalesce(p_lock_reason, ''), session_user, now(), p_note,
                    now() + make_interval(mins => p_minutes))
            RETURNING * INTO r;
            PERFORM approval_audit(r, 'request-approval', jsonb_build_object('note', p_note), p_profile, p_session);
            RETURN r;
        END $$;

        -- Locks the request and checks what approving and denying share.
        CREATE FUNCTION approval_decidable(p_id text) RETURNS approvals LANGUAGE plpgsql
        SET search_path = public, pg_temp AS $$
        DECLARE
            r approvals;
        BEGIN
            SELECT * INTO r FROM approvals WHERE id = p_id FOR UPDATE;
            IF NOT FOUND THEN PERFORM approval_refuse(format('there is no approval request %s', p_id)); END IF;
            IF r.requested_by = session_user THEN
                PERFORM approval_refuse('the requester cannot decide their own request: a second person must');
            END IF;
            IF NOT pg_has_role(session_user, 'musecard_approver', 'MEMBER') THEN
                PERFORM approval_refuse(format('%s does not hold the approver role (musecard_approver)', session_user));
            END IF;
            IF r.state <> 'pending' THEN
                PERFORM approval_refuse(format('the request is no longer pending: %s by %s', r.state, coalesce(r.decided_by, r.requested_by)));
            END IF;
            IF r.expires_at <= now() THEN
                PERFORM approval_refuse(format('the request expired at %s', approval_time(r.expires_at)));
            END IF;
            RETURN r;
        END $$;

        CREATE FUNCTION approve_approval(p_id text, p_note text, p_profile text, p_session text)
        RETURNS approvals LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            r approvals;
        BEGIN
            r := approval_decidable(p_id);
            UPDATE approvals SET state = 'approved', decided_by = session_user, decided_at = now(),
                decision_note = nullif(btrim(coalesce(p_note, '')), '')
            WHERE id = p_id RETURNING * INTO r;
            PERFORM approval_audit(r, 'approve', jsonb_strip_nulls(jsonb_build_object('requested_by', r.requested_by,
                'note', r.decision_note)), p_profile, p_session);
            RETURN r;
        END $$;

        CREATE FUNCTION deny_approval(p_id text, p_note text, p_profile text, p_session text)
        RETURNS approvals LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            r approvals;
        BEGIN
            IF coalesce(btrim(p_note), '') = '' THEN PERFORM approval_refuse('a denial needs a note'); END IF;
            r := approval_decidable(p_id);
            UPDATE approvals SET state = 'denied', decided_by = session_user, decided_at = now(), decision_note = p_note
            WHERE id = p_id RETURNING * INTO r;
            PERFORM approval_audit(r, 'deny', jsonb_build_object('requested_by', r.requested_by, 'note', p_note), p_profile, p_session);
            RETURN r;
        END $$;

        CREATE FUNCTION consume_approval(p_id text, p_card_id text)
        RETURNS approvals LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            r approvals;
        BEGIN
            SELECT * INTO r FROM approvals WHERE id = p_id FOR UPDATE;
            IF NOT FOUND THEN PERFORM approval_refuse(format('there is no approval request %s', p_id)); END IF;
            IF r.requested_by <> session_user THEN
                PERFORM approval_refuse(format('only the requester (%s) can use this approval', r.requested_by));
            END IF;
            IF r.card_id <> p_card_id THEN
                PERFORM approval_refuse(format('the approval is for card %s, not %s', r.card_id, p_card_id));
            END IF;
            IF r.state = 'used' THEN PERFORM approval_refuse('the approval was already used for one unlock'); END IF;
            IF r.state = 'denied' THEN PERFORM approval_refuse(format('the request was denied by %s', r.decided_by)); END IF;
            IF r.state = 'pending' THEN PERFORM approval_refuse('the request is not approved yet'); END IF;
            IF r.expires_at <= now() THEN
                PERFORM approval_refuse(format('the approval expired at %s', approval_time(r.expires_at)));
            END IF;
            UPDATE approvals SET state = 'used', used_at = now() WHERE id = p_id RETURNING * INTO r;
            RETURN r;
        END $$;

        CREATE FUNCTION approvals_notify() RETURNS trigger LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
            PERFORM pg_notify('musecard', json_build_object('k', 'approvals', 's', NEW.scope, 'u', NEW.user_id, 'c', NEW.card_id)::text);
            RETURN NULL;
        END $$;
        CREATE TRIGGER approvals_notify AFTER INSERT OR UPDATE ON approvals FOR EACH ROW EXECUTE FUNCTION approvals_notify();
        """
}
