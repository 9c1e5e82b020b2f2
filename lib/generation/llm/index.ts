export { createLlmGenerator } from "./create-llm-generator";
export { generateForJob } from "./generate-for-job";
export { readLlmConfig, type LlmConfig } from "./llm-config";
export { createLlmProvider, getConfiguredLlmProvider, type LlmProvider } from "./llm-provider";
export { checkLlmSetup } from "./check-llm-setup";
