-- Rights are current: every access token carries its user's security stamp, and a request whose stamp is no longer
-- the user's is treated as signed out. The stamp changes in the database itself whenever the password hash or the
-- roles change, so every writer (role changes, password changes, resets by e-mail, a DBA's UPDATE) revokes the tokens
-- issued before it without knowing about tokens at all.
ALTER TABLE users ADD COLUMN security_stamp uuid NOT NULL DEFAULT gen_random_uuid();

CREATE FUNCTION users_new_stamp_on_password() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.security_stamp := gen_random_uuid();
    RETURN NEW;
END $$;

CREATE TRIGGER tr_users_stamp_on_password
    BEFORE UPDATE OF password_hash ON users
    FOR EACH ROW WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash)
    EXECUTE FUNCTION users_new_stamp_on_password();

CREATE FUNCTION user_roles_new_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE users SET security_stamp = gen_random_uuid() WHERE id = OLD.user_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE users SET security_stamp = gen_random_uuid() WHERE id = NEW.user_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_user_roles_stamp
    AFTER INSERT OR UPDATE OR DELETE ON user_roles
    FOR EACH ROW EXECUTE FUNCTION user_roles_new_stamp();
