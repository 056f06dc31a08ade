-- Invitations by link (issue 10): an invite is a one-time "set your password" link for an account the
-- admin created, valid longer than a reset link and worded as a welcome.
ALTER TABLE "PasswordReset" ADD COLUMN "purpose" TEXT NOT NULL DEFAULT 'reset';
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_purpose_check" CHECK ("purpose" IN ('reset', 'invite'));
