export const MAX_UPLOAD_MB = 20;
/** Uploads above this are refused before they are read (HTTP 413). */
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

export const MAX_DOCX_EXPANDED_MB = 100;
/**
 * Sum of a DOCX's entries once decompressed. Generated Word files expanded 3.6× (a short one) to
 * 38× (50,000 repetitive paragraphs); big uploads are big because of their images, which are
 * stored already compressed. Text that would expand further would not fit the worker's heap anyway.
 */
export const MAX_DOCX_EXPANDED_BYTES = MAX_DOCX_EXPANDED_MB * 1024 * 1024;

/** Default wall-clock bound on reading one file; the job's own signal may end it sooner. */
export const EXTRACTION_TIMEOUT_MS = 60_000;

/**
 * Default V8 old-generation heap of the extraction worker. mammoth read a document of 50,000
 * paragraphs (5.9 MB of XML) within it, not one of 100,000; a 300-page PDF needs far less.
 */
export const EXTRACTION_MEMORY_MB = 256;
