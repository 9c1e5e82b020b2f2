export { BLOCKING_LINT_CODES, lintMcq, STEM_WORD_LIMIT } from "./lint-mcq";
