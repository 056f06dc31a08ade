import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { seedProject, seedUser } from "@/lib/seed/factories";
import { ImageUploadError, storeProjectImage } from "./store-image";

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (fill: number, size = 64) => Buffer.concat([Buffer.from(PNG_HEAD), Buffer.alloc(size - PNG_HEAD.length, fill)]);

/** Yields the buffer in small pieces (the signature arrives split) and records whether it was stopped early. */
function chunked(buffer: Buffer, size = 5) {
  const state = { stopped: false, done: false };
  async function* body() {
    try {
      for (let i = 0; i < buffer.length; i += size) yield new Uint8Array(buffer.subarray(i, i + size));
      state.done = true;
    } finally {
      if (!state.done) state.stopped = true;
    }
  }
  return { body: body(), state };
}

let dir: string;
let project: { id: string; slug: string };
let actorId: string;
const previousImageDir = process.env.CONSILIUM_IMAGE_DIR;
const projectDir = () => path.join(dir, project.slug);
const store = (fileName: string, body: Parameters<typeof storeProjectImage>[0]["body"], maxBytes?: number) => storeProjectImage({ actorId, project, fileName, body, maxBytes });

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (previousImageDir === undefined) delete process.env.CONSILIUM_IMAGE_DIR;
  else process.env.CONSILIUM_IMAGE_DIR = previousImageDir;
});
beforeEach(async () => {
  // A fresh image directory per test, so directory listings show only what the test wrote.
  dir = mkdtempSync(path.join(tmpdir(), "consilium-store-images-"));
  dirs.push(dir);
  process.env.CONSILIUM_IMAGE_DIR = dir;
  actorId = (await seedUser({ role: "ADMIN" })).id;
  project = await seedProject(actorId);
});

describe("storeProjectImage", () => {
  it("streams the file into <slug>/<name> via a temp file, creating directories, and audits it", async () => {
    const image = png(1, 100);
    expect(await store("Scan-1.png", chunked(image).body)).toEqual({ src: `${project.slug}/Scan-1.png`, bytes: 100 });
    expect(readFileSync(path.join(projectDir(), "Scan-1.png")).equals(image)).toBe(true);
    expect(readdirSync(projectDir())).toEqual(["Scan-1.png"]); // the temp file was renamed/linked away
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "images.upload" } });
    expect(audit).toMatchObject({ actorId, projectId: project.id, data: { src: `${project.slug}/Scan-1.png`, bytes: 100, sha256: createHash("sha256").update(image).digest("hex"), alreadyStored: false } });
  });

  it("reads web and Node streams", async () => {
    const web = new Blob([png(2)]).stream();
    expect(await store("web.png", web)).toMatchObject({ bytes: 64 });
    expect(await store("node.png", Readable.from([png(3)]))).toMatchObject({ bytes: 64 });
    expect(readdirSync(projectDir()).sort()).toEqual(["node.png", "web.png"]);
  });

  it("is idempotent for the same content and refuses different content under a taken name", async () => {
    await store("x.png", chunked(png(4)).body);
    expect(await store("x.png", chunked(png(4)).body)).toEqual({ src: `${project.slug}/x.png`, bytes: 64 });
    await expect(store("x.png", chunked(png(5)).body)).rejects.toThrow(ConflictError);
    await expect(store("x.png", chunked(png(5)).body)).rejects.toThrow(/already exists/);
    expect(readFileSync(path.join(projectDir(), "x.png")).equals(png(4))).toBe(true);
    expect(readdirSync(projectDir())).toEqual(["x.png"]);
  });

  it("lets only one of two concurrent different uploads of a name win, never overwriting", async () => {
    const results = await Promise.allSettled([store("race.png", chunked(png(6, 4000), 7).body), store("race.png", chunked(png(7, 4000), 11).body)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const stored = readFileSync(path.join(projectDir(), "race.png"));
    expect(stored.equals(png(6, 4000)) || stored.equals(png(7, 4000))).toBe(true);
    expect(readdirSync(projectDir())).toEqual(["race.png"]);
  });

  it("aborts past the size limit: stops reading, leaves neither the image nor a temp file", async () => {
    const { body, state } = chunked(png(8, 1000), 100);
    await expect(store("big.png", body, 500)).rejects.toThrow(/larger than 500 bytes/);
    expect(state.stopped).toBe(true);
    expect(readdirSync(projectDir())).toEqual([]);
    expect(await store("small.png", chunked(png(8, 500)).body, 500)).toMatchObject({ bytes: 500 }); // exactly the limit is fine
  });

  it("refuses SVG, mismatched content and traversal names, writing nothing", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(store("x.svg", chunked(svg).body)).rejects.toThrow(/SVG is refused/);
    await expect(store("x.png", chunked(svg).body)).rejects.toThrow(/not a PNG image/);
    await expect(store("x.jpg", chunked(png(9)).body)).rejects.toThrow(/not a JPEG image \(its content is PNG\)/);
    await expect(store("x.png", chunked(Buffer.alloc(0)).body)).rejects.toThrow(ImageUploadError);
    for (const name of ["../x.png", "../../etc/x.png", "a/../x.png", "..\\x.png", ".x.png"]) await expect(store(name, chunked(png(9)).body), name).rejects.toThrow(ImageUploadError);
    expect(readdirSync(projectDir())).toEqual([]);
    expect(readdirSync(dir)).toEqual([project.slug]);
    expect(await getDb().auditEvent.count({ where: { action: "images.upload" } })).toBe(0);
  });
});
