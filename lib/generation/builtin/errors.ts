/**
 * The material cannot be turned into questions by the built-in generator (not English, code, a bare
 * list, too little prose). The message is written for the person who uploaded it.
 */
export class GenerationInputError extends Error {
  readonly userMessage: string;

  constructor(message: string) {
    super(message);
    this.name = "GenerationInputError";
    this.userMessage = message;
  }
}
