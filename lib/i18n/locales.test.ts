import { describe, expect, it } from "vitest";
import { negotiateLocale, textDirection, localeDirection } from "./locales";

describe("negotiateLocale", () => {
  it("takes the highest-weighted shipped language, by primary subtag", () => {
    expect(negotiateLocale("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(negotiateLocale("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7")).toBe("fr");
    expect(negotiateLocale("en;q=0.5, ar;q=0.9")).toBe("ar");
    expect(negotiateLocale("it;q=0, fr")).toBe("fr");
  });
  it("falls back to English", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("de, ja;q=0.5")).toBe("en");
    expect(negotiateLocale("*")).toBe("en");
  });
});

describe("textDirection", () => {
  it("knows right-to-left languages and scripts", () => {
    expect(textDirection("ar")).toBe("rtl");
    expect(textDirection("fa-IR")).toBe("rtl");
    expect(textDirection("he")).toBe("rtl");
    expect(textDirection("ur")).toBe("rtl");
    expect(textDirection("az-Arab")).toBe("rtl");
    expect(textDirection("ku-Latn")).toBe("ltr");
  });
  it("is ltr for other known tags and auto when unknown", () => {
    expect(textDirection("en")).toBe("ltr");
    expect(textDirection("es-419")).toBe("ltr");
    expect(textDirection(null)).toBe("auto");
    expect(textDirection("")).toBe("auto");
    expect(textDirection("x-unknown-thing")).toBe("auto");
  });
  it("gives the page direction of each UI language", () => {
    expect(localeDirection("ar")).toBe("rtl");
    expect(localeDirection("fr")).toBe("ltr");
  });
});
