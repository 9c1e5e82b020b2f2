// `npm run llm:check`: tries the configured language model once and says what works, so a teacher
// or admin can check LLM_BASE_URL, LLM_API_KEY and LLM_MODEL before the first real job.
import { checkLlmSetup } from "@/lib/generation/llm/check-llm-setup";
import { describeServer, readLlmConfig } from "@/lib/generation/llm/llm-config";

const MARKS = { pass: "✓", warn: "!", fail: "✗" } as const;

const config = readLlmConfig();
if (!config) {
  console.log("No language model is configured: set LLM_BASE_URL and LLM_MODEL (and LLM_API_KEY if the server needs one).");
  console.log("Without them Bloomery uses its built-in generator.");
  process.exit(1);
}

console.log("Language model check");
console.log(`  server   ${describeServer(config.baseUrl)}`);
console.log(`  model    ${config.model}`);
console.log(`  API key  ${config.apiKey ? "set (not shown)" : "not set"}`);
console.log(`  timeout  ${config.timeoutMs / 1000} s per call`);
console.log("");

const report = await checkLlmSetup(config, AbortSignal.timeout(Math.max(config.timeoutMs * 3, 60_000)));
const width = Math.max(...report.checks.map((check) => check.name.length));
for (const check of report.checks) {
  const timing = check.ms === undefined ? "" : ` (${formatMs(check.ms)})`;
  console.log(`${MARKS[check.status]} ${check.name.padEnd(width)}  ${check.detail}${timing}`);
}
console.log("");
console.log(report.isReady ? "The language model is ready for Bloomery." : "The language model is not usable yet; see the ✗ lines above.");
process.exit(report.isReady ? 0 : 1);

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
