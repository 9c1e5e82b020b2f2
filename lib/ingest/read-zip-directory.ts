/** One entry of a ZIP central directory, as JSZip (inside mammoth) will later read it. */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate; anything else is refused when read. */
  method: number;
  compressedSize: number;
  /** As declared; a zip bomb may lie, so the worker also counts what inflating really yields. */
  uncompressedSize: number;
  /** Where the entry's compressed bytes start in the archive. */
  dataOffset: number;
  isEncrypted: boolean;
}

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipFormatError";
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
// A genuine Word file has a few dozen entries; thousands are only useful to an attacker.
const MAX_ENTRIES = 5_000;

/**
 * Reads a ZIP's central directory without decompressing anything. ZIP64 archives are refused:
 * a document under 20 MB never needs them, and their sizes are where bombs hide.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const entryCount = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    throw new ZipFormatError("ZIP64 archives are not supported");
  }
  if (entryCount > MAX_ENTRIES) throw new ZipFormatError(`${entryCount} entries`);
  if (directoryOffset + directorySize > end) throw new ZipFormatError("central directory out of bounds");

  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < entryCount; index++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw new ZipFormatError(`central directory entry ${index} is malformed`);
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipFormatError("ZIP64 entries are not supported");
    }
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const dataOffset = findEntryData(view, localOffset);
    if (dataOffset + compressedSize > bytes.byteLength) throw new ZipFormatError(`entry ${name} is truncated`);
    entries.push({ name, method, compressedSize, uncompressedSize, dataOffset, isEncrypted: (flags & 1) === 1 });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfDirectory(view: DataView): number {
  // The record sits at the very end unless followed by a comment of up to 65,535 bytes.
  const lowest = Math.max(0, view.byteLength - END_RECORD_SIZE - 0xffff);
  for (let at = view.byteLength - END_RECORD_SIZE; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw new ZipFormatError("no end of central directory record");
}

function findEntryData(view: DataView, localOffset: number): number {
  if (localOffset + 30 > view.byteLength || view.getUint32(localOffset, true) !== LOCAL_HEADER) {
    throw new ZipFormatError(`no local header at ${localOffset}`);
  }
  const nameLength = view.getUint16(localOffset + 26, true);
  const extraLength = view.getUint16(localOffset + 28, true);
  return localOffset + 30 + nameLength + extraLength;
}
