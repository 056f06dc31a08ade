import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { asActor, seedStudy } from "@/test/support/study";
import { readProjectSettings } from "./settings";
import { updateProjectSettings } from "./update-settings";

describe("updateProjectSettings", () => {
  it("validates, keeps unrelated keys of the settings column, and audits before and after", async () => {
    const { admin, project } = await seedStudy({ items: 1 });
    await getDb().project.update({ where: { id: project.id }, data: { settings: { argumentLabels: ["Claim"] } } });
    const settings = { revealMcqAnswer: true, dialogueTarget: "whole_dialogue" as const, pairwiseStrength: true, askConfidence: false, imageHosts: ["img.example.org"], steps: { enabled: true, requireKind: false } };
    await updateProjectSettings(asActor(admin), project.id, settings);
    const stored = await getDb().project.findUniqueOrThrow({ where: { id: project.id } });
    expect(stored.settings).toEqual({ argumentLabels: ["Claim"], ...settings });
    expect(readProjectSettings(stored.settings)).toEqual(settings);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "project.settings", entityId: project.id } });
    expect(audit.data).toMatchObject({ before: { askConfidence: true }, after: { askConfidence: false } });
    await expect(updateProjectSettings(asActor(admin), project.id, { ...settings, imageHosts: ["https://bad host/"] })).rejects.toThrow(/host/);
  });
});
