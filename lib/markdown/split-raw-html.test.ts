import { describe, expect, it } from "vitest";
import { splitRawHtml } from "./split-raw-html";

const htmlParts = (text: string) => splitRawHtml(text).filter((s) => s.html).map((s) => s.text);

describe("splitRawHtml (raw HTML as a browser reads it)", () => {
  it("gives the text back unchanged when joined", () => {
    for (const text of ["", "plain", "a <b>c</b> d", "<!-- x --> <?p ?> <!DOCTYPE html> <![CDATA[ y ]]>", "1 < 2 > 0", "<img src=x onerror=alert(1)"]) {
      expect(splitRawHtml(text).map((s) => s.text).join("")).toBe(text);
    }
  });

  it("finds open and closing tags with every attribute form", () => {
    expect(htmlParts(`Payload <img src=x onerror=alert(1)> and <a href='j' title="t > u" data-x>x</a><br/>`)).toEqual([
      "<img src=x onerror=alert(1)>",
      `<a href='j' title="t > u" data-x>`,
      "</a>",
      "<br/>",
    ]);
  });

  it("accepts what browsers accept beyond CommonMark: quotes in unquoted values, / between attributes", () => {
    expect(htmlParts(`<img src=x onerror=alert('x')> <IMG SRC=javascript:alert("XSS")> <img/src="x"/onerror=alert(1)> <a b=\`c\`>`)).toEqual([
      "<img src=x onerror=alert('x')>",
      '<IMG SRC=javascript:alert("XSS")>',
      '<img/src="x"/onerror=alert(1)>',
      "<a b=`c`>",
    ]);
  });

  it("finds comments, processing instructions, declarations, bogus comments and CDATA", () => {
    expect(htmlParts("a <!-- hidden --> b <!--> c <!---> d <?php x ?> e <!DOCTYPE html> f <![CDATA[<x>]]> g <!x>")).toEqual([
      "<!-- hidden -->",
      "<!-->",
      "<!--->",
      "<?php x ?>",
      "<!DOCTYPE html>",
      "<![CDATA[<x>]]>",
      "<!x>",
    ]);
  });

  it("leaves comparisons, autolinks and unfinished tags as plain text", () => {
    for (const text of ["BP < 90 and HR > 120", "<https://example.org>", "<javascript:alert(1)>", "<dr.osei@example.org>", "<img src=x onerror=alert(1)", '<a title="never closed>', "<1a>", "<!-- never closed", "<? open", "<!DOCTYPE"]) {
      expect(htmlParts(text)).toEqual([]);
    }
  });

  it("spans a tag over line breaks inside it, as CommonMark does", () => {
    expect(htmlParts('<img\nsrc="x"\nonerror="alert(1)">')).toEqual(['<img\nsrc="x"\nonerror="alert(1)">']);
  });

  it("handles many unterminated openers in one pass (no quadratic rescans)", () => {
    // 200,000 characters of openers whose terminators never come: finishes in one linear scan.
    const text = "<!-- <? <![CDATA[ <!D ".repeat(9_000);
    expect(htmlParts(text)).toEqual([]);
    expect(splitRawHtml(text)).toHaveLength(1);
  });
});
