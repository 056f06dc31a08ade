import { z } from "zod";
import { MODEL_VERDICTS, pointsFit, SHAPE_KINDS } from "./shapes";

// The regions tool's block (client-safe zod). Shapes are the item's, not a response's: a region is
// where something is on the image, whichever response speaks of it (a link names the sentence).
// `sizes` records each image's size in pixels as the browser decoded it (COCO export needs it and the
// server checks shapes lie inside); `model` holds the verdicts on the models' own localizations, per
// response (Response.id) and localization (0-based index in the response's list).

const coord = z.number().min(0).max(100_000);
const point = z.tuple([coord, coord]);

export const regionShapeSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,24}$/),
    image: z.int().min(0).max(199),
    kind: z.enum(SHAPE_KINDS),
    points: z.array(point).min(1).max(500),
    label: z.string().min(1).max(64).optional(),
    link: z.strictObject({ responseId: z.string().max(64), sentence: z.int().min(0).max(10_000) }).optional(),
    note: z.string().max(2_000).optional(),
  })
  .refine((s) => pointsFit(s.kind, s.points.length), { error: "A box and a line have two points, a point one, a polygon at least three.", path: ["points"] });

export const modelVerdictSchema = z.strictObject({ verdict: z.enum(MODEL_VERDICTS).optional(), note: z.string().max(2_000).optional() });

export const regionsBlockSchema = z.strictObject({
  shapes: z.array(regionShapeSchema).max(500).optional(),
  sizes: z.record(z.string().regex(/^(?:0|[1-9]\d{0,2})$/), z.tuple([z.int().min(1).max(100_000), z.int().min(1).max(100_000)])).optional(),
  model: z.record(z.string().max(64), z.record(z.string().regex(/^(?:0|[1-9]\d{0,2})$/), modelVerdictSchema)).optional(),
});
export type RegionsBlock = z.infer<typeof regionsBlockSchema>;

export const regionsDocumentFields = {
  regions: regionsBlockSchema.optional(),
};
