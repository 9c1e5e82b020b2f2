/** A place in an imported file and what is wrong or worth knowing there. Lines count from 1. */
export type ImportIssue = { line: number; message: string };

/** A file Bloomery cannot import, with every problem found and where. */
export class ImportError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(
      issues.length === 1
        ? `Line ${issues[0].line}: ${issues[0].message}`
        : `The file has ${issues.length} problems; the first, on line ${issues[0].line}: ${issues[0].message}`,
    );
    this.name = "ImportError";
  }
}
