import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readZipDirectory, ZipFormatError } from "./read-zip-directory";

const encode = (text: string) => new TextEncoder().encode(text);

describe("readZipDirectory", () => {
  const archive = zipSync(
    {
      "word/document.xml": encode("<w:document>" + "x".repeat(5000) + "</w:document>"),
      "media/picture.bin": [Uint8Array.from([1, 2, 3]), { level: 0 }],
    },
    { level: 9 },
  );

  it("lists entries with their declared sizes and where their data starts", () => {
    const entries = readZipDirectory(archive);
    expect(entries.map(({ name, method, uncompressedSize }) => ({ name, method, uncompressedSize }))).toEqual([
      { name: "word/document.xml", method: 8, uncompressedSize: 5025 },
      { name: "media/picture.bin", method: 0, uncompressedSize: 3 },
    ]);
    const stored = entries[1];
    expect([...archive.subarray(stored.dataOffset, stored.dataOffset + stored.compressedSize)]).toEqual([1, 2, 3]);
    expect(entries[0].compressedSize).toBeLessThan(100);
  });

  it("finds the directory behind an archive comment", () => {
    const commented = new Uint8Array([...archive.subarray(0, archive.byteLength - 2), 5, 0, ...encode("hello")]);
    expect(unzipSync(commented)["media/picture.bin"]).toEqual(Uint8Array.from([1, 2, 3]));
    expect(readZipDirectory(commented)).toHaveLength(2);
  });

  it("refuses a truncated archive and a ZIP64 one", () => {
    expect(() => readZipDirectory(archive.subarray(0, archive.byteLength - 30))).toThrow(ZipFormatError);
    const zip64 = archive.slice();
    const view = new DataView(zip64.buffer);
    view.setUint32(zip64.byteLength - 22 + 16, 0xffffffff, true);
    expect(() => readZipDirectory(zip64)).toThrow(/ZIP64/);
  });
});
