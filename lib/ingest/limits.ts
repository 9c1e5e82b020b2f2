export const MAX_UPLOAD_MB = 20;
/** Uploads above this are refused before they are read (HTTP 413). */
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

export const MAX_DOCX_EXPANDED_MB = 100;
/**
 * Sum of a DOCX's entries once decompressed. Text-heavy Word files expand about tenfold and their
 * images are already compressed, so a genuine 20 MB upload stays well below this.
 */
export const MAX_DOCX_EXPANDED_BYTES = MAX_DOCX_EXPANDED_MB * 1024 * 1024;

/** Default wall-clock bound on reading one file; the job's own signal may end it sooner. */
export const EXTRACTION_TIMEOUT_MS = 60_000;

/** Default V8 old-generation heap of the extraction worker. */
export const EXTRACTION_MEMORY_MB = 256;
