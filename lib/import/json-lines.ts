import { ImportError } from "./import-error";

// Sticky, so each token is matched where the parser stands without copying the rest of the file.
const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const STRING = /"(?:[^"\\\u0000-\u001F]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

export type JsonPath = (string | number)[];

/**
 * Parses JSON and remembers the line each value starts on, so a schema error deep in a file can
 * point at its line. JSON.parse gives neither positions for values nor, in every Node version, the
 * position of a syntax error.
 */
export function parseJsonWithLines(text: string): { value: unknown; findLine: (path: PropertyKey[]) => number } {
  const lines = new Map<string, number>();
  let position = 0;
  let line = 1;

  const fail = (message: string): never => {
    throw new ImportError([{ line, message }]);
  };
  const skipWhitespace = () => {
    while (position < text.length && /[ \t\r\n]/.test(text[position])) {
      if (text[position] === "\n") line++;
      position++;
    }
  };
  const describe = () => (position >= text.length ? "the end of the file" : `"${text[position]}"`);

  const parseValue = (path: JsonPath): unknown => {
    skipWhitespace();
    lines.set(JSON.stringify(path), line);
    const char = text[position];
    if (char === "{") return parseObject(path);
    if (char === "[") return parseArray(path);
    if (char === '"') return parseString();
    LITERAL.lastIndex = position;
    const literal = LITERAL.exec(text);
    if (!literal) return fail(`Expected a JSON value but found ${describe()}`);
    position += literal[0].length;
    return JSON.parse(literal[0]);
  };

  const parseString = (): string => {
    STRING.lastIndex = position;
    const match = STRING.exec(text);
    if (!match) return fail("A string is not closed, or holds a raw line break or a bad escape");
    position += match[0].length;
    return JSON.parse(match[0]) as string;
  };

  const parseObject = (path: JsonPath): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    position++;
    skipWhitespace();
    if (text[position] === "}") {
      position++;
      return result;
    }
    for (;;) {
      skipWhitespace();
      if (text[position] !== '"') fail(`Expected a quoted property name but found ${describe()}`);
      const key = parseString();
      skipWhitespace();
      if (text[position] !== ":") fail(`Expected ":" after "${key}" but found ${describe()}`);
      position++;
      result[key] = parseValue([...path, key]);
      skipWhitespace();
      if (text[position] === ",") {
        position++;
        continue;
      }
      if (text[position] === "}") {
        position++;
        return result;
      }
      fail(`Expected "," or "}" but found ${describe()}`);
    }
  };

  const parseArray = (path: JsonPath): unknown[] => {
    const result: unknown[] = [];
    position++;
    skipWhitespace();
    if (text[position] === "]") {
      position++;
      return result;
    }
    for (;;) {
      result.push(parseValue([...path, result.length]));
      skipWhitespace();
      if (text[position] === ",") {
        position++;
        continue;
      }
      if (text[position] === "]") {
        position++;
        return result;
      }
      fail(`Expected "," or "]" but found ${describe()}`);
    }
  };

  const value = parseValue([]);
  skipWhitespace();
  if (position < text.length) fail(`Unexpected ${describe()} after the end of the JSON value`);

  // The line of the deepest part of the path that exists in the file.
  const findLine = (path: PropertyKey[]): number => {
    for (let length = path.length; length >= 0; length--) {
      const found = lines.get(JSON.stringify(path.slice(0, length)));
      if (found !== undefined) return found;
    }
    return 1;
  };
  return { value, findLine };
}
