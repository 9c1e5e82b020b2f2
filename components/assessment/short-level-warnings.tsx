import type { GenerationWarning, Mcq } from "@/lib/generation/mcq";
import { BLOOM_INFO } from "@/lib/ui/bloom-levels";
import { Notice } from "@/components/ui/notice";

/**
 * The levels the material could not fill, said plainly, with what to do about it. The built-in
 * generator only writes what the text supports; a language model can write more.
 */
export function ShortLevelWarnings({ warnings, questions }: { warnings: GenerationWarning[]; questions: Mcq[] }) {
  const short = warnings.filter((warning) => warning.code === "level_short");
  const other = warnings.filter((warning) => warning.code !== "level_short");
  if (short.length === 0 && other.length === 0) return null;
  const isBuiltin = questions.every((question) => question.generator !== "llm");
  return (
    <div className="space-y-3" data-testid="generation-warnings">
      {short.length > 0 && (
        <Notice tone="warning" title="Fewer questions than you asked for">
          <ul className="list-disc space-y-1 pl-5">
            {short.map((warning, index) => (
              <li key={index}>
                {warning.bloom_level && (
                  <span className="font-semibold">
                    {BLOOM_INFO[warning.bloom_level].label}: {warning.delivered ?? 0} of {warning.requested ?? "?"}.{" "}
                  </span>
                )}
                {warning.message}
              </li>
            ))}
          </ul>
          <p className="pt-1">
            {isBuiltin
              ? "Try longer or richer material, add questions by hand, or have your administrator configure a language model (LLM_BASE_URL and LLM_MODEL), which can write more questions at the higher levels."
              : "Try longer or richer material, or add questions by hand."}
          </p>
        </Notice>
      )}
      {other.length > 0 && (
        <Notice tone="warning" title="Notes from the generator">
          <ul className="list-disc space-y-1 pl-5">
            {other.map((warning, index) => (
              <li key={index}>{warning.message}</li>
            ))}
          </ul>
        </Notice>
      )}
    </div>
  );
}
