import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { asActor } from "@/test/support/study";
import { form, seedRoleCast, WHO, type SeededUser, type Study, type Who } from "./role-cast";

// Every server action × every role (test/authz/role-cast.ts), through the real authedAction wrapper.
// Only the session lookup is replaced; the database is real.
let sessionActor: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ getActor: async () => sessionActor, requirePageActor: async () => sessionActor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => import("@/test/support/next-headers-stub"));

const userActions = await import("@/app/admin/users/actions");
const projectActions = await import("@/app/projects/actions");
const rubricActions = await import("@/app/projects/rubric-actions");
const adjudicationActions = await import("@/app/projects/adjudication-actions");
const qualificationActions = await import("@/app/projects/qualification-actions");
const accountActions = await import("@/app/account/actions");
const resetActions = await import("@/app/reset-password/[token]/actions");
const webhookActions = await import("@/app/projects/webhook-actions");
const translationActions = await import("@/app/projects/translation-actions");
const notificationActions = await import("@/app/notifications/actions");

let study: Study;
let userOf: (who: Who) => SeededUser | null;
afterAll(async () => (await import("@/lib/export-jobs/queue")).stopExportQueue());

beforeEach(async () => {
  ({ study, userOf } = await seedRoleCast());
  sessionActor = null;
});

describe("server actions × roles", () => {
  const ROLES: Who[] = ["anonymous", "admin", "reviewer", "researcher", "manager", "adjudicator", "otherManager"];
  async function asWho(who: Who) {
    const u = userOf(who);
    sessionActor = u ? asActor(u) : null;
  }
  const rubricDocument = async () => {
    const { loadRubricDocument } = await import("@/lib/rubrics/rubric-versions");
    return (await loadRubricDocument(asActor(study.admin), study.project.id)).document;
  };
  const SITE_ACTIONS = new Set(["createUser", "inviteUser", "userProfile", "deactivate", "createProject"]);

  it("user management and project creation are for site admins; batching (preview, changes, deletion), membership and project settings for admins and the project's managers", async () => {
    const { seedUser } = await import("@/lib/seed/factories");
    const joiner = await seedUser({ role: "RESEARCHER" });
    for (const who of ROLES) {
      await asWho(who);
      const tag = `${who}-${Math.random().toString(36).slice(2, 7)}`;
      const results = {
        createUser: await userActions.createUserAction(null, form({ email: `${tag}@x.org`, name: "N", role: "REVIEWER", password: "long-enough-pw" })),
        inviteUser: await userActions.inviteUserAction(null, form({ email: `invite-${tag}@x.org`, name: "N", role: "REVIEWER" })),
        userProfile: await userActions.updateUserProfileAction(null, form({ userId: study.outsider.id, specialty: "Cardiology", languages: "en", yearsOfExperience: "3" })),
        deactivate: await userActions.setUserActiveAction(null, form({ userId: study.outsider.id, isActive: "false" })),
        createProject: await projectActions.createProjectAction(null, form({ name: "P", slug: `p-${tag}`, template: "med-palm-long-form", reviewersPerItem: "1" })),
        addMember: await projectActions.addMemberAction(null, form({ slug: study.project.slug, email: joiner.email, role: "ANALYST" })),
        removeMember: await projectActions.removeMemberAction(null, form({ slug: study.project.slug, email: joiner.email })),
        updateSettings: await projectActions.updateSettingsAction(null, form({ slug: study.project.slug, askConfidence: "on", dialogueTarget: "whole_dialogue", imageHosts: "img.example.org" })),
        createBatch: await projectActions.createBatchAction(null, form({ slug: study.project.slug, name: `b-${tag}`, perItem: "1", "reviewerIds[]": [study.reviewers[0].id] })),
        previewBatch: await projectActions.previewBatchAction(null, form({ slug: study.project.slug, name: `b-${tag}`, perItem: "1", "reviewerIds[]": [study.reviewers[0].id] })),
        moveWork: await projectActions.moveReviewerWorkAction(null, form({ slug: study.project.slug, batchId: "no-such-batch", reviewerId: study.reviewers[0].id })),
        dueDate: await projectActions.setBatchDueDateAction(null, form({ slug: study.project.slug, batchId: "no-such-batch", dueAt: "2026-12-24" })),
        deleteBatch: await projectActions.deleteBatchAction(null, form({ slug: study.project.slug, batchId: "no-such-batch", drafts: "0" })),
        updateDetails: await projectActions.updateDetailsAction(null, form({ slug: study.project.slug, name: study.project.name, guidelines: "", reviewersPerItem: String(study.project.reviewersPerItem), ...(study.project.blinded ? { blinded: "on" } : {}), ...(study.project.randomizeOrder ? { randomizeOrder: "on" } : {}) })),
        previewGuidelines: await projectActions.previewGuidelinesAction(null, form({ slug: study.project.slug, guidelines: "**bold**" })),
        // The seeded study's rubric is in use and unchanged: saving it as it is changes nothing (a domain answer).
        saveRubric: await rubricActions.saveRubricAction(null, form({ slug: study.project.slug, baseVersion: "1", document: JSON.stringify(await rubricDocument()) })),
      };
      for (const [action, result] of Object.entries(results)) {
        const allowed = who === "admin" || (who === "manager" && !SITE_ACTIONS.has(action));
        if (allowed) {
          // createBatch has nothing left to batch in the seeded study: a domain refusal, not a permission one.
          if (action === "createBatch" || action === "previewBatch") expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/no unbatched items/) });
          // The batch changes reach the domain, which does not find the batch.
          else if (["moveWork", "dueDate", "deleteBatch"].includes(action)) expect([action, result]).toEqual([action, { ok: false, error: "Batch not found." }]);
          else expect({ who, action, ...result }).toMatchObject({ who, action, ok: true });
        } else if (who === "otherManager" && !SITE_ACTIONS.has(action)) {
          // No part in this project: it does not exist for them.
          expect([who, action, result]).toEqual([who, action, { ok: false, error: `Project "${study.project.slug}" not found.` }]);
        } else {
          expect([who, action, result]).toEqual([who, action, { ok: false, error: who === "anonymous" ? "Sign in first." : "You do not have permission to do that." }]);
        }
      }
    }
  });
});

describe("archiving × roles", () => {
  it("archiving and restoring are for admins and the project's managers", async () => {
    for (const who of WHO) {
      const u = userOf(who);
      sessionActor = u ? asActor(u) : null;
      const result = await projectActions.archiveProjectAction(null, form({ slug: study.project.slug, archived: "false" }));
      const expected = who === "anonymous" ? { ok: false, error: "Sign in first." }
        : ["admin", "manager"].includes(who) ? { ok: true, data: { status: "ACTIVE", changed: false }, message: "Nothing changed." }
        : ["outsider", "otherManager"].includes(who) ? { ok: false, error: `Project "${study.project.slug}" not found.` }
        : { ok: false, error: "You do not have permission to do that." };
      expect([who, result]).toEqual([who, expected]);
    }
  });
});

describe("webhooks, rubric translations, notifications and language × roles", () => {
  it("webhooks and translations are for admins and the project's managers; notices and language are everyone's own", async () => {
    const refused = (who: Who) =>
      who === "anonymous" ? { ok: false, error: "Sign in first." }
      : ["outsider", "otherManager"].includes(who) ? { ok: false, error: `Project "${study.project.slug}" not found.` }
      : { ok: false, error: "You do not have permission to do that." };
    for (const who of WHO) {
      const u = userOf(who);
      sessionActor = u ? asActor(u) : null;
      const slug = study.project.slug;
      const created = await webhookActions.createWebhookAction(null, form({ slug, url: "http://127.0.0.1:9/hook", "events[]": ["batch.completed"] }));
      const translated = await translationActions.saveAxisTranslationsAction(null, form({ slug, locale: "es", "t|accuracy|label": "Exactitud" }));
      if (["admin", "manager"].includes(who)) {
        expect([who, created]).toMatchObject([who, { ok: true, data: { id: expect.any(String) } }]);
        const id = (created as { data: { id: string } }).data.id;
        expect(await webhookActions.toggleWebhookAction(null, form({ slug, webhookId: id, isActive: "false" }))).toMatchObject({ ok: true });
        expect(await webhookActions.sendTestWebhookAction(null, form({ slug, webhookId: id }))).toMatchObject({ ok: true, data: { ok: false } });
        expect(await webhookActions.deleteWebhookAction(null, form({ slug, webhookId: id }))).toMatchObject({ ok: true });
        expect([who, translated]).toMatchObject([who, { ok: true }]);
      } else {
        expect([who, created, translated]).toEqual([who, refused(who), refused(who)]);
      }
      const read = await notificationActions.markReadAction(null, form({}));
      const language = await accountActions.setLanguageAction(null, form({ locale: "ar" }));
      if (who === "anonymous") expect([read, language]).toEqual([{ ok: false, error: "Sign in first." }, { ok: false, error: "Sign in first." }]);
      else expect([who, read, language]).toMatchObject([who, { ok: true }, { ok: true, data: { locale: "ar" } }]);
    }
  });
});

describe("adjudication × roles", () => {
  it("recording a consensus is for admins, managers and adjudicators; analysts and reviewers are refused, others do not find the project", async () => {
    const expected: Record<Who, string> = {
      anonymous: "Sign in first.", admin: "Item not found.", manager: "Item not found.", adjudicator: "Item not found.",
      reviewer: "You do not have permission to do that.", otherReviewer: "You do not have permission to do that.", researcher: "You do not have permission to do that.",
      outsider: `Project "${study.project.slug}" not found.`, otherManager: `Project "${study.project.slug}" not found.`,
    };
    for (const who of WHO) {
      const u = userOf(who);
      sessionActor = u ? asActor(u) : null;
      const result = await adjudicationActions.saveConsensusAction(null, form({ slug: study.project.slug, itemId: "no-such-item", baseVersion: "0", document: "{}", decide: "false" }));
      expect([who, result]).toEqual([who, { ok: false, error: expected[who] }]);
    }
  });
});

describe("qualification × roles", () => {
  it("the policy is for admins and managers; resuming a reviewer for those who assign; a retry only for the reviewer's own round", async () => {
    const denied = "You do not have permission to do that.";
    const hidden = `Project "${study.project.slug}" not found.`;
    for (const who of WHO) {
      const u = userOf(who);
      sessionActor = u ? asActor(u) : null;
      const policy = await qualificationActions.updateQualificationAction(null, form({ slug: study.project.slug, passPercent: "80", rule: "overall", maxAttempts: "2", minGoldItems: "6" }));
      expect([who, "policy", policy]).toEqual([who, "policy", who === "anonymous" ? { ok: false, error: "Sign in first." }
        : ["admin", "manager"].includes(who) ? { ok: true, data: { required: false }, message: "Qualification saved." }
        : ["outsider", "otherManager"].includes(who) ? { ok: false, error: hidden } : { ok: false, error: denied }]);
      // Nobody is paused: those allowed get the lib's refusal, the rest never reach it.
      const resume = await qualificationActions.resumeReviewerAction(null, form({ slug: study.project.slug, userId: study.reviewers[0].id }));
      expect([who, "resume", resume]).toEqual([who, "resume", who === "anonymous" ? { ok: false, error: "Sign in first." }
        : ["admin", "manager"].includes(who) ? { ok: false, error: "That reviewer is not paused in this project." }
        : ["outsider", "otherManager"].includes(who) ? { ok: false, error: hidden } : { ok: false, error: denied }]);
      // The study has no qualification round: nobody finds one to retry, whatever their role.
      // Nobody failed a round here: those who may assign get the lib's refusal, the rest never reach it.
      const extra = await qualificationActions.allowAttemptAction(null, form({ slug: study.project.slug, userId: study.reviewers[0].id }));
      expect([who, "extra", extra]).toEqual([who, "extra", who === "anonymous" ? { ok: false, error: "Sign in first." }
        : ["admin", "manager"].includes(who) ? { ok: false, error: "Only a member who failed every attempt they had, and has not passed, can be allowed another." }
        : ["outsider", "otherManager"].includes(who) ? { ok: false, error: hidden } : { ok: false, error: denied }]);
      // Only someone with work in the batch gets as far as the round itself (this batch is not one).
      const retry = await qualificationActions.retryQualificationAction(null, form({ slug: study.project.slug, batchId: study.batch.id }));
      expect([who, "retry", retry]).toEqual([who, "retry", who === "anonymous" ? { ok: false, error: "Sign in first." }
        : ["reviewer", "otherReviewer"].includes(who) ? { ok: false, error: "You have no qualification round to retry in this project." } : { ok: false, error: "Qualification round not found." }]);
    }
  });
});

describe("account and access actions × roles", () => {
  const ROLES: Who[] = ["anonymous", "admin", "reviewer", "researcher"];
  const signIn = (who: Who) => {
    const u = userOf(who);
    sessionActor = u ? asActor(u) : null;
  };
  const redirected = (p: Promise<unknown>) => p.then((r) => r, (e: Error & { digest?: string }) => (String(e.digest).startsWith("NEXT_REDIRECT") ? "redirect" : Promise.reject(e)));

  it("everyone signed in manages their own password and tokens; anonymous visitors cannot", async () => {
    const { DEMO_PASSWORD } = await import("@/lib/seed/factories");
    const { createApiToken } = await import("@/lib/auth/api-tokens");
    // A token of someone not signed in here: never theirs to revoke.
    await createApiToken(asActor(study.outsider), { name: "outsider's", scopes: ["project:read"] });
    for (const who of ROLES) {
      signIn(who);
      const scope = who === "reviewer" ? "assignment:work" : "project:read";
      const created = await accountActions.createTokenAction(null, form({ name: "t", "scopes[]": scope, expiresInDays: "30" }));
      const changed = await redirected(accountActions.changePasswordAction(null, form({ currentPassword: DEMO_PASSWORD, newPassword: `new phrase for ${who}`, confirmPassword: `new phrase for ${who}` })));
      if (who === "anonymous") {
        expect([created, changed]).toEqual([{ ok: false, error: "Sign in first." }, { ok: false, error: "Sign in first." }]);
        continue;
      }
      expect([who, created]).toMatchObject([who, { ok: true, data: { token: expect.stringMatching(/^csm_/) } }]);
      expect([who, changed]).toEqual([who, "redirect"]); // to /login: every session ended
      const { getDb } = await import("@/lib/db/client");
      const token = await getDb().apiToken.findFirstOrThrow({ where: { userId: userOf(who)!.id, name: "t" } });
      expect(await accountActions.revokeTokenAction(null, form({ tokenId: token.id }))).toMatchObject({ ok: true });
      // Someone else's token is not found, whoever asks.
      const other = await getDb().apiToken.findFirstOrThrow({ where: { userId: { not: userOf(who)!.id } } });
      expect(await accountActions.revokeTokenAction(null, form({ tokenId: other.id }))).toEqual({ ok: false, error: "No such token." });
    }
  });

  it("reset links and lifting lockouts are admin-only; the reset page's action needs a valid link, not a session", async () => {
    for (const who of ROLES) {
      signIn(who);
      const link = await userActions.issueResetLinkAction(null, form({ userId: study.outsider.id }));
      const lift = await userActions.clearLockoutAction(null, form({ email: study.outsider.email, ip: "192.0.2.1" }));
      if (who === "admin") {
        expect(link).toMatchObject({ ok: true, data: { link: expect.stringMatching(/\/reset-password\/[A-Za-z0-9_-]{43}$/) } });
        expect(lift).toEqual({ ok: true, data: { cleared: 0 } });
      } else {
        const error = who === "anonymous" ? "Sign in first." : "You do not have permission to do that.";
        expect([who, link, lift]).toEqual([who, { ok: false, error }, { ok: false, error }]);
      }
    }
    sessionActor = null;
    const bogus = await resetActions.resetPasswordAction(null, form({ token: "x".repeat(43), newPassword: "a new ward phrase", confirmPassword: "a new ward phrase" }));
    expect(bogus).toEqual({ ok: false, error: expect.stringMatching(/does not work/) });
  });
});
