import { describe, expect, it } from "vitest";
import { seedUser } from "@/lib/seed/factories";
import { authenticateApiToken } from "@/lib/auth/api-tokens";
import { findPasswordReset } from "@/lib/auth/password-reset";
import { runCli } from "./main";

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("token and reset-link commands", () => {
  it("create-token (scoped, expiring), list-tokens and revoke-token act on the caller's own tokens", async () => {
    const researcher = await seedUser({ role: "RESEARCHER", email: "res@example.org" });
    const created = await cli("create-token", "--name", "nightly", "--scopes", "export:read,project:read", "--expires-days", "30", "--as", researcher.email);
    expect(created.code).toBe(0);
    expect(await authenticateApiToken(created.out)).toMatchObject({ scopes: ["export:read", "project:read"] });

    expect(await cli("create-token", "--name", "x", "--as", researcher.email)).toMatchObject({ code: 2, err: expect.stringMatching(/--scopes is required/) });
    // A scope the caller's role cannot grant is an invalid value on the command line: exit 2 (lib/cli/main.ts).
    expect(await cli("create-token", "--name", "x", "--scopes", "audit:read", "--as", researcher.email)).toMatchObject({ code: 2, err: expect.stringMatching(/cannot grant audit:read/) });

    const listed = await cli("list-tokens", "--as", researcher.email);
    expect(listed.out).toMatch(new RegExp(`^\\S+  ${created.out.slice(0, 8)}…  active   nightly  \\[export:read, project:read\\]  expires \\d{4}-`));
    const id = listed.out.split(" ")[0];
    expect(await cli("revoke-token", id, "--as", researcher.email)).toMatchObject({ code: 0, out: `Revoked ${created.out.slice(0, 8)}… (nightly).` });
    expect(await authenticateApiToken(created.out)).toBeNull();
    const other = await seedUser({ role: "RESEARCHER" });
    // Someone else's token is, to the caller, a token that does not exist: an unknown name exits 2.
    expect(await cli("revoke-token", id, "--as", other.email)).toMatchObject({ code: 2, err: "Error: No such token." });
  });

  it("reset-link prints a one-time link for admins only", async () => {
    const admin = await seedUser({ role: "ADMIN", email: "admin@example.org" });
    const user = await seedUser({ email: "doc@example.org" });
    const made = await cli("reset-link", "--email", user.email, "--base-url", "https://consilium.example-hospital.org/", "--as", admin.email);
    expect(made.code).toBe(0);
    const token = /^https:\/\/consilium\.example-hospital\.org\/reset-password\/([A-Za-z0-9_-]{43})$/.exec(made.out)?.[1];
    expect(await findPasswordReset(token!)).toMatchObject({ email: user.email });
    expect(await cli("reset-link", "--email", admin.email, "--base-url", "https://x.org", "--as", user.email)).toMatchObject({ code: 1, err: "Error: You do not have permission to do that." });
  });
});
