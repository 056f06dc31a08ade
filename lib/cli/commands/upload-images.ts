import { createReadStream, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ConflictError } from "@/lib/auth/users";
import { imageTypeOfName, ImageUploadError, storeProjectImage } from "@/lib/items/store-image";
import { findProjectForActor } from "@/lib/projects/access";
import type { Command } from "../command";
import { resolveCliActor } from "../command";
import { UsageError } from "../errors";

const usage = `Usage: consilium upload-images PROJECT_SLUG FILE_OR_DIR... --as ADMIN_EMAIL

Stores image files (.png .jpg .jpeg .gif .webp) in the image directory (CONSILIUM_IMAGE_DIR,
default .data/images) as PROJECT_SLUG/NAME and prints each src for vqa items' images[].src.
A directory uploads its image files (not subdirectories). Uploading the same file again is a
no-op; a different file with a name already taken is refused.`;

/** The files named, with each directory replaced by its image files (sorted, non-recursive). */
function expandFiles(args: string[]): string[] {
  return args.flatMap((arg) => {
    let isDir: boolean;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      throw new UsageError(`Cannot read ${arg}.`);
    }
    if (!isDir) return [arg];
    return readdirSync(arg, { withFileTypes: true })
      .filter((e) => e.isFile() && imageTypeOfName(e.name))
      .map((e) => path.join(arg, e.name))
      .sort();
  });
}

export const uploadImagesCommand: Command = {
  name: "upload-images",
  summary: "store image files for vqa items",
  usage,
  options: {},
  async run({ values, positionals }, io) {
    const [slug, ...args] = positionals;
    if (!slug || !args.length) throw new UsageError(usage);
    const actor = await resolveCliActor(values, "item:import");
    const project = await findProjectForActor(actor, slug, "item:import");
    const files = expandFiles(args);
    if (!files.length) throw new UsageError("No image files found.");
    // Every file is tried; the refused ones are listed, and the exit code says some failed.
    let failed = 0;
    for (const file of files) {
      try {
        const { src } = await storeProjectImage({ actorId: actor.id, project, fileName: path.basename(file), body: createReadStream(file) });
        io.out(src);
      } catch (error) {
        if (!(error instanceof ImageUploadError || error instanceof ConflictError)) throw error;
        failed += 1;
        io.err(`${file}: ${error.message}`);
      }
    }
    if (failed) throw new UsageError(`${failed} of ${files.length} file(s) were not uploaded.`);
  },
};
