import { getDb } from "@/lib/db/client";
import { recordAuditOn } from "@/lib/audit/record-audit";
import type { ArgumentDocument, LabelSet } from "@/lib/formats/argument-types";
import { readBratFiles, type BratFile } from "@/lib/formats/brat/brat-files";
import { readCasimedicos } from "@/lib/formats/casimedicos/read-casimedicos";
import { checkArgumentAnnotation } from "@/lib/formats/check-annotation";
import { readConll } from "@/lib/formats/conll/read-conll";
import { describeIssue, type FormatIssue } from "@/lib/formats/format-issue";
import { importItems, type ImportResult } from "@/lib/import/import-items";
import type { ImportError } from "@/lib/import/import-records";
import { readProjectSettings } from "@/lib/projects/settings";
import { labelSetOf, mergeLabelSets, sameLabelSet } from "./label-set";
import { projectLabelSetSchema } from "./schema";

// Imports of argument corpora (brat standoff, CoNLL/BIO, CasiMedicos-Arg) as items (decision 013):
// each document becomes a `note` item whose text is the document's text, byte for byte, and whose
// external id is the file name (brat), the record id (CasiMedicos-Arg) or <file>-<n> (BIO); its
// spans and relations are stored as the item's imported annotation (reference.arguments, target
// item.text), which reviewers start from and correct. All or nothing: any issue of any file imports
// nothing, and every issue is listed with its file and line. `skipInvalid` imports what could be
// read and lists what was left out instead. A brat annotation.conf extends the project's label set
// (never removes from it) in the same transaction.

export const ARGUMENT_IMPORT_FORMATS = ["brat", "conll", "casimedicos"] as const;
export type ArgumentImportFormat = (typeof ARGUMENT_IMPORT_FORMATS)[number];

export type ArgumentImportResult = ImportResult & {
  /** What was read but left out or imported with a caveat, and with skipInvalid the issues skipped. */
  notes: string[];
  /** Labels or relations the import added to the project's label set. */
  labelSetExtended?: boolean;
};

type Read = { documents: ArgumentDocument[]; labelSet?: LabelSet; issues: FormatIssue[]; notes: FormatIssue[] };

const base = (name: string) => name.split(/[\\/]/).pop() ?? name;
const extension = (name: string) => (base(name).includes(".") ? base(name).slice(base(name).lastIndexOf(".") + 1).toLowerCase() : "");

/** Reads the files of one import in a format; pure (the callers read files or a zip). */
export function readArgumentFiles(format: ArgumentImportFormat, files: BratFile[]): Read {
  if (format === "brat") return readBratFiles(files);
  if (format === "casimedicos") {
    const json = files.filter((f) => extension(f.name) === "json");
    const jsonl = files.filter((f) => extension(f.name) === "jsonl");
    if (json.length !== 1 || jsonl.length !== 1) {
      return { documents: [], issues: [{ message: `CasiMedicos-Arg needs exactly one .json file (the records) and one .jsonl file (the relations); found ${json.length} and ${jsonl.length}.` }], notes: [] };
    }
    return readCasimedicos({ documents: json[0].content, relations: jsonl[0].content, documentsFile: base(json[0].name), relationsFile: base(jsonl[0].name) });
  }
  const documents: ArgumentDocument[] = [];
  const issues: FormatIssue[] = [];
  const notes: FormatIssue[] = [];
  for (const file of files) {
    if (!["conll", "bio", "tsv", "txt", "iob"].includes(extension(file.name))) {
      notes.push({ file: file.name, message: "Not a CoNLL/BIO file (.conll, .bio, .iob, .tsv, .txt), so it was not read." });
      continue;
    }
    const read = readConll(file.content, { file: base(file.name) });
    issues.push(...read.issues);
    const stem = base(file.name).replace(/\.[^.]*$/, "");
    read.documents.forEach((doc, i) => documents.push({ externalId: `${stem}-${i + 1}`, text: doc.text, annotation: doc.annotation }));
  }
  return { documents, issues, notes };
}

function asImportError(issue: FormatIssue): ImportError {
  return { line: 0, field: "(file)", message: describeIssue(issue) };
}

export async function importArgumentFiles(opts: {
  actorId: string;
  projectId: string;
  format: ArgumentImportFormat;
  files: BratFile[];
  skipInvalid?: boolean;
  fileName?: string;
}): Promise<ArgumentImportResult> {
  const read = readArgumentFiles(opts.format, opts.files);
  const notes = read.notes.map(describeIssue);
  const project = await getDb().project.findUniqueOrThrow({ where: { id: opts.projectId }, select: { settings: true } });
  const settings = readProjectSettings(project.settings);
  const current = labelSetOf(settings);
  const labelSet = read.labelSet ? mergeLabelSets(current, read.labelSet) : current;
  const fits = projectLabelSetSchema.safeParse(labelSet);
  const issues = [...read.issues, ...(fits.success ? [] : fits.error.issues.map((i) => ({ file: "annotation.conf", message: `Together with the project's labels: ${i.message}` })))];
  // Spans against the (extended) label set, per document; a document with such issues is left out under skipInvalid.
  const documents = read.documents.filter((doc) => {
    const found = checkArgumentAnnotation(doc.text, doc.annotation, labelSet);
    for (const p of found.slice(0, 20)) issues.push({ file: doc.externalId, message: p.message });
    return found.length === 0;
  });
  if (!read.documents.length && !issues.length) issues.push({ message: "The files hold no document." });
  if (issues.length && !opts.skipInvalid) return { ok: false, errors: issues.slice(0, 200).map(asImportError), errorCount: issues.length, lines: read.documents.length, notes };
  if (opts.skipInvalid) notes.push(...issues.map((i) => `Skipped: ${describeIssue(i)}`));

  async function* records() {
    let line = 0;
    for (const doc of documents) {
      line += 1;
      const hasSpans = doc.annotation.spans.length > 0;
      yield { line, value: { kind: "note", externalId: doc.externalId, text: doc.text, responses: [], ...(hasSpans ? { reference: { arguments: { "item.text": doc.annotation } } } : {}) } };
    }
  }
  const extended = !sameLabelSet(current, labelSet);
  const result = await importItems({
    actorId: opts.actorId,
    projectId: opts.projectId,
    records: records(),
    fileName: opts.fileName,
    labelSet,
    auditData: { format: opts.format, documents: documents.length },
    onCommit: extended
      ? async (client) => {
          // On the import's connection, inside its transaction: the label set grows only if the import commits.
          await client.query(
            `UPDATE "Project" SET settings = jsonb_set(COALESCE(settings, '{}'::jsonb), '{arguments}', COALESCE(settings -> 'arguments', '{}'::jsonb) || jsonb_build_object('labelSet', $2::jsonb)), "updatedAt" = now() WHERE id = $1`,
            [opts.projectId, JSON.stringify(labelSet)],
          );
          await recordAuditOn(client, { actorId: opts.actorId, action: "project.settings", entityType: "Project", entityId: opts.projectId, projectId: opts.projectId, data: { argumentsLabelSet: { before: current, after: labelSet } } });
        }
      : undefined,
  });
  if (!result.ok) {
    // Records are numbered by document: name the document instead of a line.
    const errors = result.errors.map((e) => (e.line > 0 && documents[e.line - 1] ? { line: 0, field: "(file)", message: `${documents[e.line - 1].externalId}: ${e.field.startsWith("(") ? "" : `${e.field}: `}${e.message}` } : e));
    return { ...result, errors, notes };
  }
  return { ...result, notes, ...(extended ? { labelSetExtended: true } : {}) };
}
