import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import type { BratFile } from "@/lib/formats/brat/brat-files";

// The files of an argument import, from a folder (read recursively), one file, or a zip archive
// (the API's body and the project page's upload). Decoded as UTF-8 keeping a byte-order mark (brat
// offsets count it); a file that is not UTF-8 is refused by name rather than read with replacement characters.

const MAX_FILES = 20_000;
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export class ImportFilesError extends Error {}

function decode(name: string, bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ImportFilesError(`${name} is not UTF-8 text; save it as UTF-8 and import again.`);
  }
}

/** Entries of a zip archive, folders and macOS metadata left out. */
export function readZipFiles(bytes: Uint8Array): BratFile[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new ImportFilesError(`The upload is not a readable zip archive (${error instanceof Error ? error.message : String(error)}).`);
  }
  const names = Object.keys(entries).filter((n) => !n.endsWith("/") && !n.startsWith("__MACOSX/") && !/(^|\/)\.DS_Store$/.test(n));
  if (names.length > MAX_FILES) throw new ImportFilesError(`The archive holds ${names.length} files; at most ${MAX_FILES} are read.`);
  return names.sort().map((name) => ({ name, content: decode(name, entries[name]) }));
}

/** A folder (recursively, hidden files left out), a zip archive, or a single file. */
export function readImportPath(target: string): BratFile[] {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    throw new ImportFilesError(`Cannot read ${target}.`);
  }
  if (stat.isFile()) {
    const bytes = readFileSync(target);
    return target.toLowerCase().endsWith(".zip") ? readZipFiles(bytes) : [{ name: path.basename(target), content: decode(target, bytes) }];
  }
  const files: BratFile[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
      else if (entry.isFile()) {
        if (files.length >= MAX_FILES) throw new ImportFilesError(`${target} holds more than ${MAX_FILES} files.`);
        files.push({ name: `${prefix}${entry.name}`, content: decode(`${prefix}${entry.name}`, readFileSync(full)) });
      }
    }
  };
  walk(target, "");
  return files;
}
