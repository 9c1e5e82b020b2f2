import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { validateXML } from "xmllint-wasm";

const SCHEMA_DIRECTORY = path.join(__dirname, "schemas");

function readSchema(fileName: string) {
  return { fileName, contents: readFileSync(path.join(SCHEMA_DIRECTORY, fileName), "utf8") };
}

/** Validates XML with libxml2 (xmllint compiled to WebAssembly); returns its error messages. */
export async function validateWithSchema(xml: string, schema: string, includes: string[] = []): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "document.xml", contents: xml }],
    schema: [readSchema(schema)],
    preload: includes.map(readSchema),
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

export function unzipText(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
}

/** What an HTML field shows: the inverse of toHtmlParagraph for the text Bloomery writes. */
export function readHtmlParagraph(html: string): string {
  const inner = html.replace(/^<p>/, "").replace(/<\/p>$/, "");
  if (/<(?!br>)/.test(inner)) throw new Error(`Unexpected markup in ${html}`);
  return inner
    .replace(/<br>/g, "\n")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
