import { describe, expect, it } from "vitest";
import { imageTypeOfName, ImageUploadError, safeImageName, sniffImageType } from "./store-image";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const bytes = (...parts: Array<number[] | string>) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("safeImageName", () => {
  it("accepts plain raster image names, keeping their case", () => {
    for (const name of ["cxr-1.png", "Scan_02.JPG", "a.b.jpeg", "x.gif", "lesion.webp", `${"a".repeat(116)}.png`]) expect(safeImageName(name)).toBe(name);
  });

  it("refuses paths, traversal, hidden files, odd characters and long names", () => {
    for (const name of ["", "../x.png", "..", "a/b.png", "a\\b.png", "/etc/x.png", ".hidden.png", "my scan.png", "é.png", "x.png\0", `${"a".repeat(117)}.png`]) {
      expect(() => safeImageName(name), name).toThrow(ImageUploadError);
    }
  });

  it("refuses other types, SVG with its reason", () => {
    expect(() => safeImageName("x.svg")).toThrow(/SVG is refused/);
    for (const name of ["x.dcm", "x.html", "x", "x.png.exe"]) expect(() => safeImageName(name), name).toThrow(/not an accepted image or audio type/);
  });

  it("maps extensions to types case-insensitively", () => {
    expect([imageTypeOfName("a.PNG"), imageTypeOfName("a.jpg"), imageTypeOfName("a.JPEG"), imageTypeOfName("a.svg")]).toEqual(["png", "jpeg", "jpeg", null]);
  });
});

describe("sniffImageType", () => {
  it("recognises PNG, JPEG, GIF and WebP signatures", () => {
    expect(sniffImageType(bytes(PNG))).toBe("png");
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffImageType(bytes("GIF89a"))).toBe("gif");
    expect(sniffImageType(bytes("GIF87a"))).toBe("gif");
    expect(sniffImageType(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("webp");
  });

  it("returns null for anything else, including truncated signatures", () => {
    for (const head of [bytes([]), bytes(PNG.slice(0, 7)), bytes("<svg xmlns="), bytes("RIFF", [1, 2, 3, 4], "AVI "), bytes("GIF90a"), bytes([0xff, 0xd8])]) {
      expect(sniffImageType(head)).toBeNull();
    }
  });

  it("recognises the audio types voice consultations come in (issue 13)", () => {
    expect(sniffImageType(bytes("RIFF", [1, 2, 3, 4], "WAVE"))).toBe("wav");
    expect(sniffImageType(bytes("OggS", [0, 2]))).toBe("ogg");
    expect(sniffImageType(bytes([0, 0, 0, 0x20], "ftypM4A "))).toBe("m4a");
    expect(sniffImageType(bytes("ID3", [4, 0]))).toBe("mp3");
    expect(sniffImageType(bytes([0xff, 0xfb, 0x90, 0x64]))).toBe("mp3");
  });
});
