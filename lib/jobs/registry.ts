import { ingestJob } from "../documents/ingest-job";
import { generateJob } from "../generation/generate-job";
import type { JobKind } from "./types";

/** Every kind of job this version of Bloomery can run. */
export const JOB_KINDS: JobKind<any, any>[] = [generateJob, ingestJob];
