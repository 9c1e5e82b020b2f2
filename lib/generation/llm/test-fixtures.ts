// Material and a scripted "model" for the language-model tests: the fake server answers with these
// questions, chosen the way a model would from what the prompt asks for. Not imported by app code.
import { BLOOM_LEVELS } from "@/lib/generation/blooms";
import type { FakeReply, FakeRequest } from "@/tests/helpers/fake-openai-server";
import { chatCompletion } from "@/tests/helpers/fake-openai-server";

export const MATERIAL = `Photosynthesis

Photosynthesis is the process by which green plants make glucose from carbon dioxide and water using light energy. It takes place in the chloroplasts of leaf cells. Chlorophyll, the green pigment inside chloroplasts, absorbs mostly red and blue light. The light-dependent reactions happen in the thylakoid membranes and split water molecules. Splitting water releases oxygen as a by-product.

The Calvin cycle takes place in the stroma and fixes carbon dioxide into sugars. The enzyme RuBisCO catalyses the first step of carbon fixation. Plants store extra glucose as starch in their roots and seeds. Stomata are small pores on the underside of leaves that let carbon dioxide in. When stomata close on hot days, the rate of photosynthesis falls. Increasing light intensity raises the rate of photosynthesis until another factor becomes limiting. Cellular respiration releases the energy stored in glucose.`;

export interface BankQuestion {
  question: string;
  options: string[];
  correct_answer: string;
  explanation: string;
  quote: string;
}

/** Well-formed questions on MATERIAL (and one on llm:check's sample), each quoting its supporting sentence verbatim. */
export const QUESTION_BANK: BankQuestion[] = [
  {
    question: "Which pigment absorbs mostly red and blue light in plant cells?",
    options: ["Carotene", "Chlorophyll", "Xanthophyll", "Anthocyanin"],
    correct_answer: "Chlorophyll",
    explanation: "Chlorophyll is the green pigment in chloroplasts and absorbs mainly red and blue light; the others are accessory or vacuole pigments.",
    quote: "Chlorophyll, the green pigment inside chloroplasts, absorbs mostly red and blue light.",
  },
  {
    question: "Where in the chloroplast does the Calvin cycle take place?",
    options: ["Thylakoid membrane", "Outer envelope", "Stroma", "Inner membrane"],
    correct_answer: "Stroma",
    explanation: "The Calvin cycle runs in the stroma, the fluid around the thylakoids; the membranes host other steps.",
    quote: "The Calvin cycle takes place in the stroma and fixes carbon dioxide into sugars.",
  },
  {
    question: "Which gas is released as a by-product when water molecules are split?",
    options: ["Oxygen", "Carbon dioxide", "Nitrogen", "Methane"],
    correct_answer: "Oxygen",
    explanation: "Splitting water frees its oxygen, which leaves the leaf; carbon dioxide is taken in, not released.",
    quote: "Splitting water releases oxygen as a by-product.",
  },
  {
    question: "Which enzyme catalyses the first step of carbon fixation?",
    options: ["Amylase", "ATP synthase", "Catalase", "RuBisCO"],
    correct_answer: "RuBisCO",
    explanation: "RuBisCO fixes carbon dioxide at the start of the Calvin cycle; the other enzymes work elsewhere.",
    quote: "The enzyme RuBisCO catalyses the first step of carbon fixation.",
  },
  {
    question: "In which form do plants keep extra glucose in their roots and seeds?",
    options: ["Cellulose", "Starch", "Sucrose", "Lipid"],
    correct_answer: "Starch",
    explanation: "Plants store surplus glucose as starch; cellulose builds cell walls.",
    quote: "Plants store extra glucose as starch in their roots and seeds.",
  },
  {
    question: "What are the small pores on the underside of leaves that let carbon dioxide in called?",
    options: ["Lenticels", "Xylem vessels", "Root hairs", "Stomata"],
    correct_answer: "Stomata",
    explanation: "Stomata are the leaf pores through which carbon dioxide enters.",
    quote: "Stomata are small pores on the underside of leaves that let carbon dioxide in.",
  },
  {
    question: "A plant in bright sunlight is given air with very little carbon dioxide. Which process slows down first?",
    options: ["The Calvin cycle", "Splitting of water", "Absorption of red light", "Release of oxygen"],
    correct_answer: "The Calvin cycle",
    explanation: "The Calvin cycle fixes carbon dioxide, so a shortage of it slows that step first.",
    quote: "The Calvin cycle takes place in the stroma and fixes carbon dioxide into sugars.",
  },
  {
    question: "On a very hot afternoon a plant closes its stomata. What happens to its rate of photosynthesis?",
    options: ["It rises", "It falls", "It stays the same", "It doubles"],
    correct_answer: "It falls",
    explanation: "Closed stomata let in less carbon dioxide, so photosynthesis falls.",
    quote: "When stomata close on hot days, the rate of photosynthesis falls.",
  },
  {
    question: "Why does increasing light intensity eventually stop raising the rate of photosynthesis?",
    options: ["Chlorophyll stops absorbing light", "Another factor becomes limiting", "The stomata open wider", "Glucose turns into starch"],
    correct_answer: "Another factor becomes limiting",
    explanation: "Beyond some intensity another factor, such as carbon dioxide, limits the rate.",
    quote: "Increasing light intensity raises the rate of photosynthesis until another factor becomes limiting.",
  },
  {
    question: "What is the main role of the light-dependent reactions in the thylakoid membranes?",
    options: ["Fixing carbon dioxide", "Splitting water molecules", "Storing starch", "Opening the stomata"],
    correct_answer: "Splitting water molecules",
    explanation: "The light-dependent reactions split water; carbon fixation happens later in the stroma.",
    quote: "The light-dependent reactions happen in the thylakoid membranes and split water molecules.",
  },
  {
    question: "What does cellular respiration release from glucose?",
    options: ["Chlorophyll", "Stored energy", "Oxygen gas", "Starch grains"],
    correct_answer: "Stored energy",
    explanation: "Respiration releases the energy stored in glucose; it does not make pigments or starch.",
    quote: "Cellular respiration releases the energy stored in glucose.",
  },
  {
    question: "In which part of leaf cells does photosynthesis take place?",
    options: ["Mitochondria", "Nuclei", "Chloroplasts", "Vacuoles"],
    correct_answer: "Chloroplasts",
    explanation: "Photosynthesis happens in the chloroplasts of leaf cells.",
    quote: "It takes place in the chloroplasts of leaf cells.",
  },
  {
    question: "What is the name for water falling from clouds as rain or snow?",
    options: ["Evaporation", "Condensation", "Precipitation", "Transpiration"],
    correct_answer: "Precipitation",
    explanation: "Rain and snow falling from clouds are precipitation; evaporation and condensation come before it.",
    quote: "When the droplets grow heavy they fall as rain or snow, which is called precipitation.",
  },
];

const LEVELS: readonly string[] = BLOOM_LEVELS;

/** What a request asks the model for, read from its messages the way a model would read them. */
export interface ModelTask {
  level: string;
  count: number;
  avoid: string[];
  excerpts: { number: number; text: string }[];
  system: string;
  /** The first user message: the material and the task. */
  material: string;
  /** The last user message: the task or the re-ask. */
  lastUser: string;
  isReask: boolean;
}

export function readTask(request: FakeRequest): ModelTask {
  const messages: { role: string; content: string }[] = request.body.messages;
  const users = messages.filter((message) => message.role === "user");
  const lastUser = users[users.length - 1].content;
  const task = /Write exactly (\d+) (?:more )?multiple-choice questions? at the Bloom's taxonomy level "(\w+)"/.exec(lastUser);
  if (!task) throw new Error(`The fake model cannot read the task in: ${lastUser.slice(0, 300)}`);
  const avoidBlock = /Do not repeat or reword these questions:\n((?:- .*\n?)*)/.exec(lastUser)?.[1] ?? "";
  const excerpts = [...users[0].content.matchAll(/\[Excerpt (\d+)[^\]]*\]\n([\s\S]*?)(?=\n\n\[Excerpt |\n<<<END MATERIAL)/g)].map((match) => ({
    number: Number(match[1]),
    text: match[2],
  }));
  return {
    level: task[2],
    count: Number(task[1]),
    avoid: avoidBlock.split("\n").filter(Boolean).map((line) => JSON.parse(line.slice(2)) as string),
    excerpts,
    system: messages.find((message) => message.role === "system")?.content ?? "",
    material: users[0].content,
    lastUser,
    isReask: users.length > 1,
  };
}

/** The model's questions for a task: the next bank questions not yet written, citing their excerpt. */
export function writeQuestions(task: ModelTask, count = task.count): Record<string, unknown>[] {
  // Each level starts elsewhere in the bank, as levels are asked for at the same time.
  const start = (LEVELS.indexOf(task.level) * 2) % QUESTION_BANK.length;
  const rotated = [...QUESTION_BANK.slice(start), ...QUESTION_BANK.slice(0, start)];
  // Like a model, it only asks about material it was shown.
  const shown = task.excerpts.map((excerpt) => excerpt.text.replace(/\s+/g, " ")).join(" ");
  const fresh = rotated.filter((item) => !task.avoid.includes(item.question) && shown.includes(item.quote));
  return fresh.slice(0, count).map((item) => ({
    question: item.question,
    options: item.options,
    correct_answer: item.correct_answer,
    bloom_level: task.level,
    explanation: item.explanation,
    excerpt: task.excerpts.find((excerpt) => excerpt.text.replace(/\s+/g, " ").includes(item.quote))?.number ?? 1,
    quote: item.quote,
  }));
}

/** A reply carrying `{"mcqs": items}` as JSON text, optionally reshaped first. */
export function replyWith(items: unknown[], wrap: (json: string) => string = (json) => json): FakeReply {
  return chatCompletion(wrap(JSON.stringify({ mcqs: items })));
}

/** A well-behaved model: exactly what was asked, valid and grounded. */
export function answerAsModel(request: FakeRequest): FakeReply {
  return replyWith(writeQuestions(readTask(request)));
}
