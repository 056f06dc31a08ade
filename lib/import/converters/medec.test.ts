import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { itemImportSchema } from "@/lib/items/schema";
import { convertMedecCsv, parseSentences } from "./medec";

const FIXTURE = path.resolve(import.meta.dirname, "../../../../shared/fixtures/medec/MEDEC-MS-ValidationSet-subset.csv");

type Reference = {
  errorFlag: boolean;
  errorType: string | null;
  errorSentenceId: number | null;
  errorSentence: string | null;
  correctedSentence: string | null;
  correctedText: string | null;
  gold: { item: Record<string, unknown> };
};
type Item = { externalId: string; text: string; sentences: { id: string; text: string }[]; responses: unknown[]; reference: Reference; metadata: unknown };

describe("convertMedecCsv on the MEDEC-MS subset", () => {
  const { items, errors } = convertMedecCsv(readFileSync(FIXTURE, "utf8"));
  const all = items as Item[];

  it("converts all 30 rows without errors, each passing the import schema", () => {
    expect(errors).toEqual([]);
    expect(all).toHaveLength(30);
    for (const item of all) {
      const parsed = itemImportSchema.safeParse(item);
      expect(parsed.success, `${item.externalId}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("keeps MEDEC's sentence ids, including mid-sentence splits", () => {
    const first = all[0];
    expect(first.externalId).toBe("ms-val-0");
    expect(first.sentences[5]).toEqual({ id: "5", text: "Culture tests indicate Neisseria gonorrhoeae." });
    expect(first.sentences.slice(6, 9).map((s) => s.text)).toEqual(["Her pulse is", "106/min and blood pressure is 102/73 mm", "Hg."]);
    expect(first.sentences.map((s) => s.id)).toEqual(first.sentences.map((_, i) => String(i)));
  });

  it("gives error rows the full gold and the erroneous sentence at its id", () => {
    const flagged = all.filter((i) => i.reference.errorFlag);
    expect(flagged).toHaveLength(25);
    for (const item of flagged) {
      const r = item.reference;
      expect(r.gold.item).toEqual({ error_flag: true, error_type: r.errorType, error_sentence_id: String(r.errorSentenceId) });
      expect(["causalOrganism", "diagnosis", "management", "pharmacotherapy", "treatment"]).toContain(r.errorType);
      // Continuation lines (lab values without an id) must not shift the numbering.
      const sentence = item.sentences.find((s) => s.id === String(r.errorSentenceId));
      expect(sentence?.text.trim(), item.externalId).toBe(r.errorSentence?.trim());
      expect(r.correctedSentence).toBeTruthy();
    }
    expect(all[0].reference).toMatchObject({ errorType: "causalOrganism", errorSentenceId: 5, correctedSentence: "Culture tests indicate Trichomonas vaginalis." });
  });

  it("turns NA / -1 into null for correct notes", () => {
    const correct = all.filter((i) => !i.reference.errorFlag);
    expect(correct.map((i) => i.externalId)).toEqual(["ms-val-1", "ms-val-5", "ms-val-7", "ms-val-9", "ms-val-11"]);
    for (const item of correct) {
      expect(item.reference).toEqual({
        errorFlag: false,
        errorType: null,
        errorSentenceId: null,
        errorSentence: null,
        correctedSentence: null,
        correctedText: null,
        gold: { item: { error_flag: false } },
      });
      expect(item.responses).toEqual([]);
      expect(item.metadata).toEqual({ source: "medec" });
    }
  });
});

describe("convertMedecCsv on malformed input", () => {
  const header = "Text ID,Text,Sentences,Error Flag,Error Type,Error Sentence ID,Error Sentence,Corrected Sentence,Corrected Text";

  it("reports bad rows with the line where the record starts and the column", () => {
    const csv = [
      header,
      'ok-1,"A note.\nSecond line.","0 A note.\n1 Second line.",0,NA,-1,NA,NA,NA', // lines 2–4: two quoted fields break a line each
      ',"No id.","0 No id.",0,NA,-1,NA,NA,NA', // line 5
      "", // line 6, skipped
      'bad-flag,"Flag two.","0 Flag two.",2,NA,-1,NA,NA,NA', // line 7
      'bad-id,"One.\nTwo.","0 One.\n1 Two.",1,diagnosis,7,One.,Uno.,Uno. Two.', // lines 8–10
      "ok-1,Again.,0 Again.,0,NA,-1,NA,NA,NA", // line 11
    ].join("\r\n");
    const { items, errors } = convertMedecCsv(csv);
    expect(items.map((i) => (i as Item).externalId)).toEqual(["ok-1"]);
    expect(errors).toEqual([
      { line: 5, field: "Text ID", message: "Text ID is required." },
      { line: 7, field: "Error Flag", message: 'Error Flag must be 0 or 1 (got "2").' },
      { line: 8, field: "Error Sentence ID", message: "sentence 7 is not in Sentences (0–1)." },
      { line: 11, field: "Text ID", message: 'duplicate Text ID "ok-1" (first on line 2).' },
    ]);
  });

  it("numbers lines as in the file, across multi-line quoted fields and CRLF", () => {
    // ms-val-3 starts on line 77 of the fixture, after ms-val-2's 55-line record.
    const text = readFileSync(FIXTURE, "utf8").replace(/^ms-val-3,/m, ",");
    expect(convertMedecCsv(text).errors).toEqual([{ line: 77, field: "Text ID", message: "Text ID is required." }]);
  });

  it("reports a CSV syntax error at the start of the broken record instead of throwing", () => {
    const csv = [header, "ok,Fine.,0 Fine.,0,NA,-1,NA,NA,NA", 'broken,"Unclosed quote,0 x,0,NA,-1,NA,NA,NA', "next,Also.,0 Also.,0,NA,-1,NA,NA,NA"].join("\r\n");
    const { items, errors } = convertMedecCsv(csv);
    expect(items).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, field: "(csv)" });
    expect(errors[0].message).toMatch(/quote/i);
  });

  it("reports missing header columns on line 1", () => {
    const { items, errors } = convertMedecCsv("Text ID,Text\r\nx,y\r\n");
    expect(items).toEqual([]);
    expect(errors[0]).toEqual({ line: 1, field: "Sentences", message: 'column "Sentences" is missing from the header.' });
    expect(errors.every((e) => e.line === 1)).toBe(true);
  });
});

describe("parseSentences", () => {
  it("joins id-less lines to the previous sentence and drops blank lines", () => {
    expect(parseSentences("0 Labs show:\n\n1 Hemoglobin 8 g\n2 /dL\nSerum\nNa+ 137\n3 16 mg/dL")).toEqual({
      sentences: [
        { id: "0", text: "Labs show:" },
        { id: "1", text: "Hemoglobin 8 g" },
        { id: "2", text: "/dL\nSerum\nNa+ 137" },
        { id: "3", text: "16 mg/dL" },
      ],
    });
  });

  it("locates text before sentence 0 and numbers out of order; an empty column has no sentences", () => {
    expect(parseSentences("no numbers here")).toEqual({ line: 0, problem: 'Sentences must be "<id> <sentence>" lines numbered from 0; the first line has no number.' });
    expect(parseSentences("\n1 Starts at one.")).toEqual({ line: 1, problem: "Sentences must start with sentence 0; the first line is numbered 1." });
    expect(parseSentences("0 A.\n1 B.\n1 B again.")).toEqual({ line: 2, problem: "a line numbered 1 comes after sentence 1: sentence numbers must run 0, 1, 2, … in order." });
    expect(parseSentences("")).toEqual({ sentences: [] });
  });
});

describe("convertMedecCsv on ordinary MEDEC files", () => {
  const fixture = readFileSync(FIXTURE, "utf8");
  const rows = parse(fixture, { columns: true, bom: true }) as Record<string, string>[];
  const write = (columns: string[], records: Record<string, string>[], eol = "\r\n") => stringify(records, { header: true, columns, record_delimiter: eol });

  it("ignores rows of bare commas, as the official test file ends with 328 of them", () => {
    const { items, errors } = convertMedecCsv(fixture + ",,,,,,,,\r\n".repeat(328));
    expect(errors).toEqual([]);
    expect(items).toHaveLength(30);
    // One in the middle is skipped too, and the lines after it keep their numbers.
    const middle = fixture.replace(/^ms-val-3,/m, ",,,,,,,,\r\n,");
    expect(convertMedecCsv(middle).errors).toEqual([{ line: 78, field: "Text ID", message: "Text ID is required." }]);
  });

  it("converts notes without the label columns, for review without a reference", () => {
    const csv = write(["Text ID", "Text", "Sentences"], rows);
    const { items, errors, labelled } = convertMedecCsv(csv);
    expect(errors).toEqual([]);
    expect(labelled).toBe(false);
    expect(items).toHaveLength(30);
    expect(items[0]).toEqual({ kind: "note", externalId: "ms-val-0", text: rows[0]["Text"], sentences: expect.any(Array), responses: [], metadata: { source: "medec" } });
    for (const item of items) expect(itemImportSchema.safeParse(item).success).toBe(true);
  });

  it("refuses some label columns without the others, naming the missing ones", () => {
    const { items, errors } = convertMedecCsv(write(["Text ID", "Text", "Sentences", "Error Flag"], rows.slice(0, 2)));
    expect(items).toEqual([]);
    expect(errors).toEqual([
      { line: 1, field: "(header)", message: 'the header has some of MEDEC\'s label columns but not "Error Type", "Error Sentence ID", "Error Sentence", "Corrected Sentence", "Corrected Text": give all of them, or none for unlabelled notes.' },
    ]);
  });

  it("reports a gap in the sentence numbers on the line where it is, for notes with and without an error", () => {
    // ms-val-0 has its error in sentence 5; ms-val-1 has none. Drop sentence 3 from both.
    const gap = rows.slice(0, 2).map((r) => ({ ...r, Sentences: r.Sentences.replace(/^3 .*\n/m, "") }));
    const { items, errors } = convertMedecCsv(write(Object.keys(rows[0]), gap));
    expect(items).toEqual([]);
    // A record takes one line plus the line breaks in its cells; its Sentences start after those in Text ID and Text.
    const breaks = (row: Record<string, string>, columns = Object.keys(row)) => columns.reduce((n, c) => n + (row[c].match(/\n/g)?.length ?? 0), 0);
    const starts = [2, 2 + 1 + breaks(gap[0])];
    const message = "sentence 3 is missing: after sentence 2 comes a line numbered 4. Is sentence 3 inside the line before?";
    expect(errors).toEqual(gap.map((row, i) => ({ line: starts[i] + breaks(row, ["Text ID", "Text"]) + 3, field: "Sentences", message })));
  });

  it("keeps the line breaks of continuation lines as they are in the file", () => {
    expect(parseSentences("0 Labs:\r\nNa 137\r\n1 Done.")).toEqual({ sentences: [{ id: "0", text: "Labs:\r\nNa 137" }, { id: "1", text: "Done." }] });
  });
});
