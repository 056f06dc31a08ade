import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { itemImportSchema } from "@/lib/items/schema";
import { csvItemRecords } from "./read-csv-items";
import type { ImportRecord } from "./import-records";

async function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** All records of a CSV text, fed in small chunks so that records straddle chunk boundaries. */
async function read(text: string, chunkSize = 7): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for await (const record of csvItemRecords(chunks(text, chunkSize))) {
    // The size (it bounds the import's chunks) is checked once, below; elsewhere it is noise.
    if ("value" in record) delete record.size;
    out.push(record);
  }
  return out;
}

const values = (records: ImportRecord[]) => records.map((r) => ("value" in r ? r.value : r.error));
const errors = (records: ImportRecord[]) => records.flatMap((r) => ("error" in r ? [r.error] : (r.errors ?? [])).map((e) => [r.line, e.field]));

const QA_HEADER = "externalId,question,responses.0.modelName,responses.0.content,responses.1.modelName,responses.1.content";

describe("csvItemRecords", () => {
  it("reads qa rows with two responses, and a row that fills only one of them", async () => {
    const records = await read([QA_HEADER, "q1,What is it?,alpha,Answer A,beta,Answer B", "q2,Only one?,alpha,Just A,,"].join("\n") + "\n");
    expect(records.map((r) => r.line)).toEqual([2, 3]);
    expect(values(records)).toEqual([
      { externalId: "q1", question: "What is it?", responses: [{ modelName: "alpha", content: "Answer A" }, { modelName: "beta", content: "Answer B" }] },
      { externalId: "q2", question: "Only one?", responses: [{ modelName: "alpha", content: "Just A" }] },
    ]);
    for (const r of records) expect(itemImportSchema.safeParse("value" in r && r.value).success).toBe(true);
  });

  it("closes up a response whose cells are all empty", async () => {
    const header = `${QA_HEADER},responses.2.modelName,responses.2.content`;
    const [record] = await read(`${header}\nq1,Q?,alpha,A,,,gamma,C\n`);
    expect(values([record])[0]).toMatchObject({ responses: [{ modelName: "alpha" }, { modelName: "gamma" }] });
  });

  it("reads booleans, numbers for points and JSON cells", async () => {
    const csv = [
      "externalId,kind,isGold,question,options,correctOption,responses.0.modelName,responses.0.choice,criteria.0.text,criteria.0.points,criteria.1.text,criteria.1.points",
      'm1,mcq,TRUE,Which?,"[""Aspirin"",""Heparin""]",B,alpha,A,Names the drug,5,Harmful advice,-3',
      "m2,mcq,false,Which?,\"{\"\"A\"\": \"\"x\"\", \"\"B\"\": \"\"y\"\"}\",A,alpha,B,,,,",
    ].join("\r\n");
    const records = await read(csv);
    expect(values(records)).toEqual([
      {
        externalId: "m1", kind: "mcq", isGold: true, question: "Which?", options: ["Aspirin", "Heparin"], correctOption: "B",
        responses: [{ modelName: "alpha", choice: "A" }],
        criteria: [{ text: "Names the drug", points: 5 }, { text: "Harmful advice", points: -3 }],
      },
      { externalId: "m2", kind: "mcq", isGold: false, question: "Which?", options: { A: "x", B: "y" }, correctOption: "A", responses: [{ modelName: "alpha", choice: "B" }] },
    ]);
    expect(itemImportSchema.parse(values(records)[0])).toMatchObject({ options: [{ key: "A", text: "Aspirin" }, { key: "B", text: "Heparin" }], criteria: [{ points: 5 }, { points: -3 }] });
  });

  it("numbers records by the physical line they start on, across quoted CRLF line breaks and blank lines", async () => {
    const csv = [QA_HEADER, 'q1,"Line one\r\nline two\r\nline three",alpha,"A\r\nB",beta,C', "", "q2,Q?,alpha,A,beta,B", "q3,\"x\ny\",alpha,A,beta,B", "q4,Q?,alpha,A,beta,B"].join("\r\n");
    const records = await read(csv, 3);
    expect(records.map((r) => r.line)).toEqual([2, 7, 8, 10]);
    expect(values(records)[0]).toMatchObject({ question: "Line one\r\nline two\r\nline three" });
  });

  it("reads a BOM, a Node stream and a web stream", async () => {
    const csv = `\uFEFF${QA_HEADER}\nq1,Q?,alpha,A,beta,B\n`;
    for (const input of [Readable.from([Buffer.from(csv)]), new Blob([csv]).stream()]) {
      const out: ImportRecord[] = [];
      let bytes = 0;
      for await (const r of csvItemRecords(input, (n) => (bytes += n))) out.push(r);
      expect(values(out)).toEqual([expect.objectContaining({ externalId: "q1" })]);
      expect(bytes).toBe(Buffer.byteLength(csv));
    }
  });

  it("refuses a malformed header with one error on line 1", async () => {
    const records = await read("externalId,question,,question,responses.0,responses.0.content,criteria.1.text\nq1,Q,x,Q,a,b,c\n");
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ line: 1, error: { line: 1, field: "(header)" } });
    const { message } = (records[0] as { error: { message: string } }).error;
    expect(message).toMatch(/column 3 has no name/);
    expect(message).toMatch(/"question" repeats column 2/);
    expect(message).toMatch(/"responses.0.content" conflicts with "responses.0"/);
    expect(message).toMatch(/"criteria" has no column for index 0/);
  });

  it("reports a bad cell by line and field, and the rows after it still", async () => {
    const csv = [`${QA_HEADER},criteria.0.text,criteria.0.points`, "q1,Q?,alpha,A,beta,B,Good,five", 'q2,"{not json",alpha,A,beta,B,,', "q3,Q?,alpha,A,beta", "q4,Q?,alpha,A,beta,B,,"].join("\n");
    const records = await read(csv);
    expect(errors(records)).toEqual([
      [2, "criteria.0.points"],
      [3, "question"],
      [4, "(csv)"],
    ]);
    expect(records[1]).toMatchObject({ errors: [{ message: expect.stringMatching(/invalid JSON/) }] });
    expect(records[3]).toMatchObject({ line: 5, value: { externalId: "q4" } });
    expect(records[3]).not.toHaveProperty("errors");
  });

  it("reports a syntax error at the line where the broken record starts, then stops", async () => {
    const csv = [QA_HEADER, "q1,Q?,alpha,A,beta,B", "", 'q2,"Unclosed,alpha,A,beta,B', "q3,Q?,alpha,A,beta,B"].join("\r\n");
    const records = await read(csv);
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({ line: 4, error: { line: 4, field: "(csv)", message: expect.stringMatching(/quote/i) } });

    const midway = await read([QA_HEADER, 'q1,"Two\r\nlines",alpha,A,beta,B', 'q2,"Bad" quote,alpha,A,beta,B', ...Array(50).fill("q,Q?,alpha,A,beta,B")].join("\r\n"));
    expect(midway.map((r) => [r.line, "error" in r ? r.error.field : "ok"])).toEqual([[2, "ok"], [4, "(csv)"]]);
  });

  it("stops reading when the consumer stops", async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `q${i},Q?,alpha,A,beta,B`);
    let bytes = 0;
    for await (const record of csvItemRecords(Readable.from([QA_HEADER, ...lines].map((l) => `${l}\n`)), (n) => (bytes += n))) {
      expect(record.line).toBe(2);
      break;
    }
    expect(bytes).toBeLessThan(1000);
  });

  it("yields nothing for an empty file, and skips rows of empty cells", async () => {
    expect(await read("")).toEqual([]);
    expect(await read(`${QA_HEADER}\n,,,,,\n`)).toEqual([]);
  });

  it("reads a multi-byte character split between chunks, and stops at the first byte that is not UTF-8", async () => {
    const text = Buffer.from(`${QA_HEADER}\nq1,Café →,alpha,A,beta,B\n`);
    const split = text.indexOf(Buffer.from("é")) + 1; // between the two bytes of é
    const good: ImportRecord[] = [];
    for await (const r of csvItemRecords(Readable.from([text.subarray(0, split), text.subarray(split)]))) good.push(r);
    expect(values(good)).toEqual([expect.objectContaining({ question: "Café →" })]);

    const bad = Buffer.concat([Buffer.from(`${QA_HEADER}\nq1,ok,alpha,A,beta,B\nq2,caf`), Buffer.from([0xe9]), Buffer.from(",alpha,A,beta,B\nq3,Q?,alpha,A,beta,B\n")]);
    const out: ImportRecord[] = [];
    for await (const r of csvItemRecords(Readable.from([bad.subarray(0, 70), bad.subarray(70)]))) out.push(r);
    expect(out.map((r) => [r.line, "error" in r ? r.error.message : "ok"])).toEqual([
      [2, "ok"],
      [3, "This line cannot be read: it is not valid UTF-8 text (bytes 0xE9 0x2C 0x61 0x6C at byte 7); save the file as UTF-8 and import it again. Reading stopped here."],
    ]);
  });

  it("refuses a header that names no item field, has no externalId, or is another format", async () => {
    const header = async (csv: string) => ((await read(csv))[0] as { error: { field: string; message: string } }).error;
    expect(await header("externalId,questoin,Text ID\nq,Q,1\n")).toEqual({
      line: 1,
      field: "(header)",
      message: 'the header is not usable: "questoin" is not an item field (put other data under metadata, e.g. metadata.questoin). "Text ID" is not an item field (put other data under metadata, e.g. metadata.Text_ID).',
    });
    expect((await header("question,responses.0.modelName\nQ,m\n")).message).toBe("the header is not usable: there is no externalId column, and every item needs one.");
    expect((await header("externalId\tquestion\nq\tQ\n")).message).toMatch(/tab-separated/);
    expect((await header('{"externalId":"q","question":"Q?"}\n')).message).toMatch(/this looks like a JSONL file/);
    expect(await read("externalId,metadata.Any key-name!,question,responses.0.modelName,responses.0.content\nq,v,Q,m,c\n")).toEqual([
      { line: 2, value: { externalId: "q", metadata: { "Any key-name!": "v" }, question: "Q", responses: [{ modelName: "m", content: "c" }] } },
    ]);
  });

  it("refuses numbers it cannot hold exactly, in number columns and JSON cells, and keeps the rest of the row", async () => {
    const records = await read(`${QA_HEADER},criteria.0.text,criteria.0.points,metadata\nq1,Q?,alpha,A,beta,B,Dose,1e400,"{""id"": 12345678901234567890123}"\n`);
    expect(records).toEqual([
      {
        line: 2,
        value: expect.objectContaining({ externalId: "q1", criteria: [{ text: "Dose" }], metadata: { id: 12345678901234567000000 } }),
        errors: [
          { line: 2, field: "criteria.0.points", message: expect.stringContaining("the number 1e400 is too large") },
          { line: 2, field: "metadata.id", message: expect.stringContaining("it would become 1.2345678901234568e+22") },
        ],
      },
    ]);
  });

  it("gives each row's size in characters, so the import can bound a chunk's memory", async () => {
    const sizes: Array<number | undefined> = [];
    for await (const record of csvItemRecords(chunks(`${QA_HEADER}\nq1,What is it?,alpha,Answer A,beta,Answer B\n`, 7))) if ("value" in record) sizes.push(record.size);
    expect(sizes).toEqual(["q1,What is it?,alpha,Answer A,beta,Answer B".length + 1]);
  });
});
