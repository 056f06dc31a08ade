import { describe, expect, it } from "vitest";
import { findInexactNumbers, findUnstorableValues, numberProblem } from "./check-json";

describe("numberProblem", () => {
  it("accepts every numeral a JavaScript number holds exactly, however it is written", () => {
    for (const ok of ["0", "-0", "0.1", "1.0", "1e3", "1E+3", "-2.5e-7", "123456789012345", "9007199254740991", "1.7976931348623157e308", "5e-324", "0.000001"]) expect(numberProblem(ok), ok).toBeNull();
  });

  it("names overflow, underflow and lost digits", () => {
    expect(numberProblem("1e400")).toMatch(/too large to store/);
    expect(numberProblem("-1e400")).toMatch(/too large to store/);
    expect(numberProblem("1e-400")).toMatch(/too close to zero to store: it would become 0/);
    expect(numberProblem("12345678901234567890123")).toMatch(/it would become 1\.2345678901234568e\+22/);
    expect(numberProblem("9007199254740993")).toMatch(/it would become 9007199254740992/);
    expect(numberProblem("0.12345678901234567890")).toMatch(/more digits than can be stored exactly/);
  });
});

describe("findInexactNumbers", () => {
  it("gives the path of each number, through keys with escapes, nested lists and strings full of digits and quotes", () => {
    const json = '{"a\\"b":[1,{"c":1e999}],"s":"12345678901234567890123 \\"1e999\\" \\\\","d":{"e":[[0.1,99999999999999999999]]},"f":-1e-999}';
    expect(JSON.parse(json)).toBeTruthy();
    expect(findInexactNumbers(json).map((f) => f.path)).toEqual([
      ['a"b', 1, "c"],
      ["d", "e", 0, 1],
      ["f"],
    ]);
    expect(findInexactNumbers("[1e999]", ["criteria", 0, "tags"])).toEqual([{ path: ["criteria", 0, "tags", 0], message: expect.stringContaining("too large") }]);
  });

  it("does not read numbers inside strings: an 8 MB string of digits has none", () => {
    expect(findInexactNumbers(JSON.stringify({ text: `${"1234567890".repeat(800_000)}`, n: 1 }))).toEqual([]);
  });
});

describe("findUnstorableValues", () => {
  it("finds NUL and unpaired surrogates in text and keys, non-finite numbers and deep nesting, by path", () => {
    const value = { ok: "a 😀 b", nul: ["x\u0000"], ["k\u0000"]: 1, lone: "\udc00", inf: Infinity, deep: [[[[[]]]]] as unknown };
    let deep: unknown = [];
    for (let i = 0; i < 100; i++) deep = [deep];
    value.deep = deep;
    expect(findUnstorableValues(value).map((f) => [f.path.join("."), f.message.slice(0, 40)])).toEqual([
      ["k\u0000", 'the key "k?" contains a NUL character (\\'],
      ["nul.0", "this text contains a NUL character (\\u00"],
      ["lone", "this text contains half of a UTF-16 surr"],
      ["inf", "the number Infinity cannot be stored."],
      [`deep${".0".repeat(63)}`, "this value is nested more than 64 levels"],
    ]);
  });
});
