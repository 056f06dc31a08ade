import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedUser } from "@/lib/seed/factories";
import { inviteUser } from "./invitations";
import { createUser, updateUserProfile } from "./users";

describe("a user's study profile", () => {
  it("records specialty, languages and years of experience at creation, invitation and later, audited", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const tag = Date.now().toString(36);
    const created = await createUser(admin.id, { email: `p-${tag}@x.org`, name: "P", role: "REVIEWER", specialty: "Neurology", languages: "en, es ,pt-BR, en", yearsOfExperience: "12", password: "a long enough phrase here" });
    expect(created).toMatchObject({ specialty: "Neurology", languages: ["en", "es", "pt-BR"], yearsOfExperience: 12 });
    const invited = await inviteUser(admin.id, { email: `q-${tag}@x.org`, name: "Q", role: "REVIEWER", languages: ["ar"] });
    expect(invited.user).toMatchObject({ languages: ["ar"], yearsOfExperience: null });

    const updated = await updateUserProfile(admin.id, created.id, { specialty: "", languages: "fr", yearsOfExperience: "" });
    expect(updated).toMatchObject({ specialty: null, languages: ["fr"], yearsOfExperience: null });
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "user.profile", entityId: created.id } });
    expect(event.data).toEqual({ before: { specialty: "Neurology", languages: ["en", "es", "pt-BR"], yearsOfExperience: 12 }, after: { specialty: null, languages: ["fr"], yearsOfExperience: null } });
  });

  it("refuses what is not a language tag or a plausible number of years, and an unknown user", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const user = await seedUser({ role: "REVIEWER" });
    await expect(updateUserProfile(admin.id, user.id, { languages: "english!" })).rejects.toThrow(/tags such as en/);
    await expect(updateUserProfile(admin.id, user.id, { yearsOfExperience: "71" })).rejects.toThrow(/at most 70/);
    await expect(updateUserProfile(admin.id, user.id, { yearsOfExperience: "2.5" })).rejects.toThrow(/whole number/);
    await expect(updateUserProfile(admin.id, "no-such-user", {})).rejects.toThrow(/No such user/);
  });
});
