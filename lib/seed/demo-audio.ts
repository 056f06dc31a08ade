import { mkdir, open } from "node:fs/promises";
import path from "node:path";
import { imageDirectory } from "@/lib/items/images";

// A synthetic recording for the demo's voice consultation: no speech, only soft tones that stand in
// for two speakers' turns (a lower one for the patient, a higher one for the doctor), drawn in code
// so the repository carries no binary file and no real voice. 8 kHz, 16-bit mono PCM WAV.

export const DEMO_AUDIO_SRC = "demo/consultation-1.wav";
const RATE = 8000;

/** Turns as [start s, end s, pitch Hz]; silence between them. */
export const DEMO_AUDIO_TURNS: ReadonlyArray<readonly [number, number, number]> = [
  [0.2, 2.0, 220],
  [2.4, 4.2, 330],
  [4.6, 6.8, 220],
  [7.2, 9.0, 330],
];
export const DEMO_AUDIO_SECONDS = 9.5;

export function encodeWav(samples: Int16Array, rate = RATE): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(s, i * 2));
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16); // PCM format chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write("data", 36, "ascii");
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

export function demoConsultationWav(): Buffer {
  const samples = new Int16Array(Math.round(DEMO_AUDIO_SECONDS * RATE));
  for (const [start, end, pitch] of DEMO_AUDIO_TURNS) {
    for (let i = Math.round(start * RATE); i < Math.round(end * RATE); i++) {
      const t = i / RATE;
      // A 50 ms fade at both ends, so turns start and stop without a click.
      const fade = Math.min(1, (t - start) / 0.05, (end - t) / 0.05);
      samples[i] = Math.round(3000 * fade * Math.sin(2 * Math.PI * pitch * t) * (0.8 + 0.2 * Math.sin(2 * Math.PI * 3 * t)));
    }
  }
  return encodeWav(samples);
}

/** Writes the demo recording into the image directory unless a file is already there. */
export async function writeDemoAudio(dir = imageDirectory()): Promise<string> {
  const file = path.join(dir, DEMO_AUDIO_SRC);
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, "wx").catch((e: NodeJS.ErrnoException) => (e.code === "EEXIST" ? null : Promise.reject(e)));
  if (handle) {
    await handle.writeFile(demoConsultationWav());
    await handle.close();
  }
  return DEMO_AUDIO_SRC;
}
