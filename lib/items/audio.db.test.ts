import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { importItems } from "@/lib/import/import-items";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { demoConsultationWav } from "@/lib/seed/demo-audio";
import { createBatch } from "@/lib/assignments/create-batch";
import { loadAssignmentForReview } from "@/lib/assignments/load-for-review";
import { asActor } from "@/test/support/study";
import { audioResponse, loadItemAudioForActor, parseRange } from "./audio-access";
import { storeProjectImage } from "./store-image";
import { jsonLines } from "@/test/support/streams";

// Issue 13: audio for voice consultations, uploaded like images, checked at import, played by range.
let dir: string;
const previous = process.env.CONSILIUM_IMAGE_DIR;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "consilium-audio-"));
  process.env.CONSILIUM_IMAGE_DIR = dir;
});
afterAll(() => {
  if (previous === undefined) delete process.env.CONSILIUM_IMAGE_DIR;
  else process.env.CONSILIUM_IMAGE_DIR = previous;
});

async function* chunks(buffer: Buffer) {
  yield new Uint8Array(buffer);
}

const consultation = (src: string) => ({
  kind: "dialogue",
  externalId: `voice-${src}`,
  turns: [{ role: "patient", content: "I have had a cough for three weeks." }],
  audio: { src, caption: "Telephone consultation", transcript: [{ speaker: "patient", start: 0.2, end: 2, text: "I have had a cough for three weeks." }, { speaker: "doctor", start: 2.4, text: "Any blood?" }] },
  responses: [{ modelName: "m", content: "Ask about haemoptysis and weight loss." }],
});

describe("audio", () => {
  it("uploads a WAV, imports a dialogue with it and serves it whole or by range to those who may see the item", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const reviewer = await seedUser({ role: "REVIEWER" });
    const stranger = await seedUser({ role: "REVIEWER" });
    const project = await seedProject(admin.id, { reviewersPerItem: 1 });
    const wav = demoConsultationWav();
    expect(await storeProjectImage({ actorId: admin.id, project, fileName: "call-1.wav", body: chunks(wav) })).toEqual({ src: `${project.slug}/call-1.wav`, bytes: wav.length });
    // A PNG named .wav is refused by its content.
    await expect(storeProjectImage({ actorId: admin.id, project, fileName: "fake.wav", body: chunks(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])) })).rejects.toThrow('"fake.wav" is not a WAV audio file (its content is PNG).');

    expect(await importItems({ actorId: admin.id, projectId: project.id, lines: jsonLines([consultation(`${project.slug}/call-1.wav`)]) })).toMatchObject({ ok: true, imported: 1 });
    const item = await getDb().item.findFirstOrThrow({ where: { projectId: project.id } });
    expect((item.input as { audio: unknown }).audio).toMatchObject({ src: `${project.slug}/call-1.wav`, transcript: [{ speaker: "patient", start: 0.2 }, { speaker: "doctor" }] });

    await createBatch(admin.id, project.id, { name: "B", reviewerIds: [reviewer.id], perItem: 1, seed: 1 });
    const assignment = await getDb().assignment.findFirstOrThrow({ where: { itemId: item.id } });
    const payload = await loadAssignmentForReview(asActor(reviewer), assignment.id);
    expect(payload.item.kind === "dialogue" && payload.item.audio).toEqual({ url: `/api/v1/items/${item.id}/audio`, caption: "Telephone consultation", transcript: [{ speaker: "patient", start: 0.2, end: 2, text: "I have had a cough for three weeks." }, { speaker: "doctor", start: 2.4, text: "Any blood?" }] });

    const audio = await loadItemAudioForActor(asActor(reviewer), item.id);
    const whole = audioResponse(audio, null);
    expect([whole.status, whole.headers.get("content-type"), whole.headers.get("accept-ranges"), whole.headers.get("content-length")]).toEqual([200, "audio/wav", "bytes", String(wav.length)]);
    expect(Buffer.from(await whole.arrayBuffer()).equals(readFileSync(path.join(dir, project.slug, "call-1.wav")))).toBe(true);
    const part = audioResponse(audio, "bytes=44-1043");
    expect([part.status, part.headers.get("content-range"), part.headers.get("content-length")]).toEqual([206, `bytes 44-1043/${wav.length}`, "1000"]);
    expect(Buffer.from(await part.arrayBuffer()).equals(wav.subarray(44, 1044))).toBe(true);
    expect(audioResponse(audio, `bytes=${wav.length}-`).status).toBe(416);
    await expect(loadItemAudioForActor(asActor(stranger), item.id)).rejects.toThrow("Audio not found.");
  });

  it("refuses audio that is not an uploaded audio file, by line and field", async () => {
    const admin = await seedUser({ role: "ADMIN" });
    const project = await seedProject(admin.id);
    const result = await importItems({ actorId: admin.id, projectId: project.id, lines: jsonLines([consultation("demo/missing.wav"), consultation("https://example.org/a.mp3"), consultation("demo/x.png"), consultation("../x.wav")]) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.field, e.message])).toEqual([
      [1, "audio.src", 'audio file "demo/missing.wav" not found in the image directory; upload it first.'],
      [2, "audio.src", '"https://example.org/a.mp3" must be a relative path inside the image directory (no "..", no leading "/", no URL).'],
      [3, "audio.src", '"demo/x.png" is not an audio file: use .mp3, .wav, .ogg or .m4a, uploaded to the image directory.'],
      [4, "audio.src", '"../x.wav" must be a relative path inside the image directory (no "..", no leading "/", no URL).'],
    ]);
  });

  it("reads byte ranges as browsers send them", () => {
    expect(parseRange(null, 100)).toBeNull();
    expect(parseRange("bytes=0-", 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange("bytes=10-19", 100)).toEqual({ start: 10, end: 19 });
    expect(parseRange("bytes=90-200", 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(parseRange("bytes=0-1,5-6", 100)).toBeNull();
  });
});
