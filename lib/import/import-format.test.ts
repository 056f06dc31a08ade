import { describe, expect, it } from "vitest";
import { describeFailure, describeImported, describeImportError } from "./describe-import";
import { chooseImportFormat, describeNotJsonl } from "./import-format";

describe("chooseImportFormat", () => {
  it("takes an explicit format first, then the file name, then the content type, else JSONL", () => {
    expect(chooseImportFormat({ format: "CSV", fileName: "items.jsonl" })).toEqual({ format: "csv" });
    expect(chooseImportFormat({ format: "ndjson" })).toEqual({ format: "jsonl" });
    expect(chooseImportFormat({ fileName: "study/Items.CSV", contentType: "application/x-ndjson" })).toEqual({ format: "csv" });
    expect(chooseImportFormat({ fileName: "items.ndjson" })).toEqual({ format: "jsonl" });
    expect(chooseImportFormat({ contentType: "text/csv; charset=utf-8" })).toEqual({ format: "csv" });
    expect(chooseImportFormat({ contentType: "application/octet-stream" })).toEqual({ format: "jsonl" });
    expect(chooseImportFormat({})).toEqual({ format: "jsonl" });
  });

  it("refuses unsupported names and formats, naming the supported ones", () => {
    const brat = chooseImportFormat({ fileName: "10735891.ann" });
    expect(brat).toEqual({ error: expect.stringMatching(/^Cannot import "10735891\.ann": brat standoff \(\.ann\) holds argument annotations, not items\. Supported formats: JSONL \(\.jsonl or \.ndjson.*\) and CSV \(\.csv/) });
    expect(chooseImportFormat({ fileName: "neoplasm_dev.tsv" })).toEqual({ error: expect.stringContaining("Tab-separated files (BIO/CoNLL) are not an item format") });
    expect(chooseImportFormat({ fileName: "example_1.json" })).toEqual({ error: expect.stringContaining("convert-healthbench") });
    expect(chooseImportFormat({ fileName: "items" })).toEqual({ error: expect.stringContaining("The name has no extension") });
    expect(chooseImportFormat({ format: "xml" })).toEqual({ error: expect.stringMatching(/^"xml" is not an import format\. Supported formats: JSONL/) });
    // An explicit format reads any name.
    expect(chooseImportFormat({ format: "jsonl", fileName: "export.txt" })).toEqual({ format: "jsonl" });
  });

  it("guesses what a file that is not JSONL is", () => {
    expect(describeNotJsonl("T1\tMajorClaim 1 92\tThe results show …")).toContain("brat standoff");
    expect(describeNotJsonl("Patients\tO")).toContain("tab-separated text (such as BIO/CoNLL)");
    expect(describeNotJsonl("externalId,question")).toContain("It looks like CSV");
    expect(describeNotJsonl("hello")).toMatch(/^This line is not JSON, so the file is not JSONL \(one JSON object per line\); reading stopped here\. Supported formats/);
  });
});

describe("import result words", () => {
  it("count items, responses, errors and lines in the singular and plural", () => {
    expect(describeImported({ imported: 1, responses: 1 })).toBe("Imported 1 item with 1 response");
    expect(describeImported({ imported: 1200, responses: 0 })).toBe("Imported 1,200 items with 0 responses");
    expect(describeFailure({ ok: false, errors: [], errorCount: 1, lines: 1 })).toBe("Import failed with 1 error in 1 line; nothing was imported.");
    expect(describeFailure({ ok: false, errors: [], errorCount: 2, lines: 3 })).toBe("Import failed with 2 errors in 3 lines; nothing was imported.");
  });

  it("name the line and field, leaving out markers of whole-line errors", () => {
    expect(describeImportError({ line: 4, field: "options", message: "m." })).toBe("line 4, options: m.");
    expect(describeImportError({ line: 3, field: "(line)", message: "This line is not JSON." })).toBe("line 3: This line is not JSON.");
    expect(describeImportError({ line: 0, field: "(file)", message: "the file has no items." })).toBe("the file has no items.");
  });
});
