import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { itemImportSchema } from "@/lib/items/schema";
import { convertHealthBenchExample, HealthBenchFormatError, parseCompletionsJsonl, readHealthBenchFile } from "./healthbench";

const DIR = path.resolve(import.meta.dirname, "../../../../shared/fixtures/healthbench");
const load = (name: string) => JSON.parse(readFileSync(path.join(DIR, name), "utf8")) as Record<string, unknown>;
const files = readdirSync(DIR).filter((f) => /^example_\d+\.json$/.test(f));

type Item = { externalId: string; turns: { role: string }[]; responses: { modelName: string; content: string }[]; criteria: unknown[]; reference?: Record<string, unknown>; metadata: Record<string, unknown> };

describe("convertHealthBenchExample on the fixtures", () => {
  const results = files.map((f) => ({ file: f, ...convertHealthBenchExample(load(f)) }));
  const items = results.filter((r) => r.item).map((r) => r.item as Item);

  it("converts the examples that have reference completions and skips the rest", () => {
    expect(files).toHaveLength(15);
    // ideal_completions_data is null in examples 1, 3, 10 and 14; example 7 has an ideal
    // completion but an empty ideal_completions_ref_completions list, so nothing to grade either.
    const skipped = results.filter((r) => r.skipped).map((r) => r.file).sort();
    expect(skipped).toEqual(["example_1.json", "example_10.json", "example_14.json", "example_3.json", "example_7.json"]);
    expect(results.every((r) => !r.skipped || r.skipped === "no completions to grade")).toBe(true);
    expect(items).toHaveLength(10);
  });

  it("produces items that pass the import schema", () => {
    for (const item of items) {
      const parsed = itemImportSchema.safeParse(item);
      expect(parsed.success, `${item.externalId}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("maps rubric, completions, reference and metadata", () => {
    const ex = load("example_11.json") as { prompt_id: string; canary: string; example_tags: string[] };
    const item = convertHealthBenchExample(ex).item as Item;
    expect(item.externalId).toBe("6d5f483c-3e86-456d-bfd5-4e28de699ae5");
    expect(item.criteria).toHaveLength(26);
    expect(item.responses.map((r) => r.modelName)).toEqual(["healthbench-ref-1", "healthbench-ref-2", "healthbench-ref-3", "healthbench-ref-4"]);
    expect(item.reference).toMatchObject({ idealCompletionsGroup: "Group 2" });
    expect(item.reference?.answer).toEqual(expect.any(String));
    expect(item.metadata).toEqual({ tags: ex.example_tags, canary: ex.canary, source: "healthbench" });
    expect(item.metadata.canary).toMatch(/^healthbench:/);
  });

  it("preserves multi-turn conversations", () => {
    const ex = load("example_4.json") as { prompt: { role: string; content: string }[] };
    const item = convertHealthBenchExample(ex).item as Item;
    expect(ex.prompt).toHaveLength(7);
    expect(item.turns).toEqual(ex.prompt.map(({ role, content }) => ({ role, content })));
    expect(item.turns.map((t) => t.role)).toEqual(["user", "assistant", "user", "assistant", "user", "assistant", "user"]);
  });

  it("caps reference completions with maxResponses", () => {
    const item = convertHealthBenchExample(load("example_2.json"), { maxResponses: 2 }).item as Item;
    expect(item.responses.map((r) => r.modelName)).toEqual(["healthbench-ref-1", "healthbench-ref-2"]);
    expect(convertHealthBenchExample(load("example_2.json"), { maxResponses: 0 })).toEqual({ skipped: "no completions to grade" });
  });
});

describe("extra completions", () => {
  const jsonl = [
    JSON.stringify({ prompt_id: "6f7a2ee9-e9c6-42d8-b79f-22dea966b8d2", model: "my-model", completion: "Some herbal supplements interact…" }),
    "",
    JSON.stringify({ prompt_id: "x", model: "", completion: "c" }),
    "{not json",
  ].join("\n");

  it("parses the JSONL and reports bad lines by number", () => {
    const { completions, errors } = parseCompletionsJsonl(jsonl);
    expect([...completions.keys()]).toEqual(["6f7a2ee9-e9c6-42d8-b79f-22dea966b8d2"]);
    expect(errors.map((e) => e.line)).toEqual([3, 4]);
    expect(errors[0].message).toContain("model");
  });

  it("makes an example without reference completions gradable", () => {
    const { completions } = parseCompletionsJsonl(jsonl);
    const { item } = convertHealthBenchExample(load("example_3.json"), { extraCompletions: completions });
    expect((item as Item).responses).toEqual([{ modelName: "my-model", content: "Some herbal supplements interact…" }]);
    expect(itemImportSchema.safeParse(item).success).toBe(true);
  });
});

describe("invalid input", () => {
  it("throws a clear error naming the bad field", () => {
    expect(() => convertHealthBenchExample({ prompt_id: "p", prompt: [{ role: "doctor", content: "hi" }], rubrics: [] })).toThrow(HealthBenchFormatError);
    expect(() => convertHealthBenchExample({ prompt_id: "p", prompt: [], rubrics: [] })).toThrow(/prompt: prompt needs at least one message/);
    expect(() => convertHealthBenchExample("nope")).toThrow(/not a HealthBench example/);
  });

  it("rejects points our criteria cannot hold", () => {
    const ex = { ...load("example_2.json"), rubrics: [{ criterion: "c", points: 0, tags: [] }] };
    expect(() => convertHealthBenchExample(ex)).toThrow(/criteria\.0\.points: points cannot be 0/);
  });
});

describe("readHealthBenchFile on ordinary files", () => {
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
  const bytes = readFileSync(path.join(DIR, "example_2.json"));

  it("reads a .json example that starts with a byte-order mark", () => {
    const { examples, errors } = readHealthBenchFile("example_2.json", Buffer.concat([BOM, bytes]));
    expect(errors).toEqual([]);
    expect(examples).toEqual([{ where: "example_2.json", example: JSON.parse(bytes.toString("utf8")) }]);
  });

  it("reads upstream JSONL with a byte-order mark, CRLF line ends and blank lines", () => {
    const rows = ["example_2.json", "example_4.json"].map((f) => JSON.stringify(load(f)));
    const { examples, errors } = readHealthBenchFile("oss_eval.jsonl", Buffer.concat([BOM, Buffer.from(`${rows[0]}\r\n\r\n${rows[1]}\r\n`)]));
    expect(errors).toEqual([]);
    expect(examples.map((e) => e.where)).toEqual(["oss_eval.jsonl:1", "oss_eval.jsonl:3"]);
    expect(examples.map((e) => (e.example as { prompt_id: string }).prompt_id)).toEqual([load("example_2.json").prompt_id, load("example_4.json").prompt_id]);
  });

  it("names the line of a byte that is not UTF-8 and of a line that is not JSON", () => {
    const row = JSON.stringify(load("example_2.json"));
    const latin1 = Buffer.concat([Buffer.from(`${row}\n{"prompt_id":"caf`), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    expect(readHealthBenchFile("x.jsonl", latin1)).toEqual({ examples: [], errors: ["x.jsonl:2: this line cannot be read: it is not valid UTF-8 text (bytes 0xE9 0x22 0x7D 0x0A at byte 18); save the file as UTF-8 and import it again."] });
    expect(readHealthBenchFile("x.jsonl", Buffer.from(`${row}\nnot json\n`)).errors).toEqual([expect.stringMatching(/^x\.jsonl:2: invalid JSON: /)]);
  });

  it("keeps criterion and completion text exactly as given", () => {
    const ex = { ...load("example_2.json"), rubrics: [{ criterion: "  Advises seeing a doctor.\n", points: 5, tags: [] }] };
    expect((convertHealthBenchExample(ex).item as { criteria: { criterion: string }[] }).criteria[0].criterion).toBe("  Advises seeing a doctor.\n");
    expect(() => convertHealthBenchExample({ ...ex, rubrics: [{ criterion: " ", points: 5, tags: [] }] })).toThrow(/criterion/);
  });

  it("reads a completions file with a byte-order mark", () => {
    const line = JSON.stringify({ prompt_id: "p1", model: "m", completion: "c" });
    expect(parseCompletionsJsonl(`\uFEFF${line}\n`)).toEqual({ completions: new Map([["p1", [{ model: "m", completion: "c" }]]]), errors: [] });
  });
});
