-- Access and accounts (issue 7, docs/decisions/007-access-and-accounts.md).

-- Sessions: every session carries the user's session version; raising it ends them all.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- Login throttling is per (account, address).
CREATE INDEX "LoginAttempt_email_ip_attemptedAt_idx" ON "LoginAttempt"("email", "ip", "attemptedAt");

-- API tokens: always scoped and always expiring. Tokens made before scopes existed acted with
-- their owner's whole role: they keep exactly the API scopes of that role, and expire in 90 days.
UPDATE "ApiToken" t SET "scopes" = CASE u."role"
    WHEN 'ADMIN' THEN ARRAY['project:read', 'export:read', 'item:import', 'assignment:work', 'image:read']
    WHEN 'RESEARCHER' THEN ARRAY['project:read', 'export:read', 'image:read']
    ELSE ARRAY['assignment:work', 'image:read']
  END
  FROM "User" u WHERE u."id" = t."userId" AND cardinality(t."scopes") = 0;
UPDATE "ApiToken" SET "expiresAt" = CURRENT_TIMESTAMP + INTERVAL '90 days' WHERE "expiresAt" IS NULL;
ALTER TABLE "ApiToken" ALTER COLUMN "scopes" DROP DEFAULT;
ALTER TABLE "ApiToken" ALTER COLUMN "scopes" SET NOT NULL;
ALTER TABLE "ApiToken" ALTER COLUMN "expiresAt" SET NOT NULL;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_scopes_check" CHECK (cardinality("scopes") > 0);
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_expiresAt_check" CHECK ("expiresAt" > "createdAt");

-- Admin-issued password reset links: single use, expiring, only a hash stored.
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PasswordReset_expiresAt_check" CHECK ("expiresAt" > "createdAt")
);
CREATE UNIQUE INDEX "PasswordReset_tokenHash_key" ON "PasswordReset"("tokenHash");
CREATE INDEX "PasswordReset_userId_idx" ON "PasswordReset"("userId");
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
