import type { ArgumentDocument, LabelSet } from "../argument-types";
import type { FormatIssue } from "../format-issue";
import { parseBratAnn } from "./parse-ann";
import { parseBratConf } from "./parse-conf";
import { writeBratAnn } from "./write-ann";
import { writeBratConf, writeBratVisualConf } from "./write-conf";

// A brat collection as files: <id>.txt + <id>.ann per document, annotation.conf (and visual.conf)
// for the labels. A document's external id is its file name without the extension
// ("10735891.txt" → "10735891"), and the writer names files by it, so a round trip gives back
// the same names. Pure: the caller reads and writes the files (decoding UTF-8 without dropping a
// byte-order mark, which brat counts as a character: fs.readFileSync(path, "utf8") does this).

export type BratFile = { name: string; content: string };

export type ReadBrat = {
  documents: ArgumentDocument[];
  /** From annotation.conf (with visual.conf's names and colours), when the files include one. */
  labelSet?: LabelSet;
  issues: FormatIssue[];
  /** What was read but not used: files that are not brat documents, configuration without a place in a label set. */
  notes: FormatIssue[];
};

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

/** "corpus/10735891.ann" → "10735891": the file name without folders and without its last extension. */
export function externalIdFromFileName(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Why an external id cannot name a file (portable across Linux, macOS, Windows and zip), or null when it can. */
export function checkBratFileName(externalId: string): string | null {
  if (externalId === "") return "an empty id cannot name a file";
  if (/[/\\:*?"<>|\p{Cc}]/u.test(externalId)) return `"${externalId}" contains a character that cannot appear in a file name (/ \\ : * ? " < > | or a control character)`;
  if (externalId.startsWith(".") || /[. ]$/.test(externalId) || externalId !== externalId.trim()) return `"${externalId}" starts with a dot, or starts or ends with a space or a dot, which file systems hide or drop`;
  if (externalId.length > 200) return `"${externalId.slice(0, 40)}…" is longer than 200 characters`;
  return null;
}

/** Reads a collection; every .ann needs its .txt, a .txt without .ann is a document without annotations. */
export function readBratFiles(files: BratFile[]): ReadBrat {
  const issues: FormatIssue[] = [];
  const notes: FormatIssue[] = [];
  const texts = new Map<string, BratFile>();
  const anns = new Map<string, BratFile>();
  let conf: BratFile | undefined;
  let visual: BratFile | undefined;

  for (const file of files) {
    const base = baseName(file.name);
    const extension = base.includes(".") ? base.slice(base.lastIndexOf(".") + 1) : "";
    const into = extension === "txt" ? texts : extension === "ann" ? anns : undefined;
    if (into) {
      const id = externalIdFromFileName(file.name);
      const other = into.get(id);
      if (other) issues.push({ file: file.name, message: `Two files are named ${base} (${other.name} and ${file.name}); each document needs its own name.` });
      else into.set(id, file);
    } else if (base === "annotation.conf" || base === "visual.conf") {
      const other = base === "annotation.conf" ? conf : visual;
      if (other) issues.push({ file: file.name, message: `Two files are named ${base} (${other.name} and ${file.name}); a collection has one configuration.` });
      else if (base === "annotation.conf") conf = file;
      else visual = file;
    } else notes.push({ file: file.name, message: "This is not a brat document (.txt, .ann) or annotation.conf / visual.conf, so it was not read." });
  }

  const documents: ArgumentDocument[] = [];
  for (const id of [...texts.keys()].sort()) {
    const txt = texts.get(id)!;
    const ann = anns.get(id);
    if (!ann) notes.push({ file: txt.name, message: `There is no ${id}.ann, so this document has no annotations.` });
    const parsed = ann ? parseBratAnn(ann.content, txt.content, { file: ann.name }) : { annotation: { spans: [], relations: [] }, issues: [] };
    issues.push(...parsed.issues);
    documents.push({ externalId: id, text: txt.content, annotation: parsed.annotation });
  }
  for (const [id, ann] of anns) if (!texts.has(id)) issues.push({ file: ann.name, message: `There is no ${id}.txt for this annotation file; brat offsets need the text.` });

  let labelSet: LabelSet | undefined;
  if (conf) {
    const parsed = parseBratConf(conf.content, { file: conf.name, visualConf: visual?.content, visualFile: visual?.name });
    labelSet = parsed.labelSet;
    issues.push(...parsed.issues);
    notes.push(...parsed.notes);
  } else if (visual) notes.push({ file: visual.name, message: "visual.conf is used only together with annotation.conf, which is missing." });
  return { documents, labelSet, issues, notes };
}

/**
 * The files of a collection, named by external id, plus annotation.conf and visual.conf when a
 * label set is given. Throws when an id cannot name a file or two ids would name the same file
 * (also when they differ only in upper/lower case, as on macOS and Windows).
 */
export function writeBratFiles(documents: ArgumentDocument[], labelSet?: LabelSet): BratFile[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { externalId } of documents) {
    const why = checkBratFileName(externalId);
    if (why) problems.push(why);
    const folded = externalId.toLowerCase();
    if (seen.has(folded)) problems.push(`"${externalId}" and "${seen.get(folded)}" would name the same file`);
    seen.set(folded, externalId);
  }
  if (problems.length) throw new Error(`Cannot name the brat files: ${problems.slice(0, 10).join("; ")}${problems.length > 10 ? ` (and ${problems.length - 10} more)` : ""}.`);

  const files = documents.flatMap((doc) => [
    { name: `${doc.externalId}.txt`, content: doc.text },
    { name: `${doc.externalId}.ann`, content: writeBratAnn(doc.annotation, doc.text) },
  ]);
  if (labelSet) files.push({ name: "annotation.conf", content: writeBratConf(labelSet) }, { name: "visual.conf", content: writeBratVisualConf(labelSet) });
  return files;
}
