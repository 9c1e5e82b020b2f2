import { InlineMarkdown } from "./markdown";

export type JsonSchema = Record<string, unknown>;

const refName = (ref: string) => ref.split("/").pop() ?? ref;

/** A short, readable type: `string (uuid)`, `array of Question`, `"queued" | "started"`. */
export function typeLabel(schema: JsonSchema | undefined): string {
  if (!schema || Object.keys(schema).length === 0) return "any";
  if (typeof schema.$ref === "string") return refName(schema.$ref);
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (union) return union.map(typeLabel).join(" or ");
  if (schema.type === "array") return `array of ${typeLabel(schema.items as JsonSchema | undefined)}`;
  if (schema.type === "string" && typeof schema.format === "string") return `string (${schema.format})`;
  if (Array.isArray(schema.type)) return schema.type.join(" or ");
  return String(schema.type ?? "object");
}

/** Limits worth telling a caller: lengths, ranges, defaults, patterns. */
export function constraintsOf(schema: JsonSchema): string[] {
  const notes: string[] = [];
  if (schema.minLength !== undefined) notes.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) notes.push(`at most ${schema.maxLength} characters`);
  if (schema.minimum !== undefined) notes.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined && Number(schema.maximum) < Number.MAX_SAFE_INTEGER) notes.push(`≤ ${schema.maximum}`);
  if (schema.exclusiveMinimum !== undefined) notes.push(`> ${schema.exclusiveMinimum}`);
  if (schema.minItems !== undefined && schema.minItems === schema.maxItems) notes.push(`exactly ${schema.minItems} items`);
  else {
    if (schema.minItems !== undefined) notes.push(`at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined) notes.push(`at most ${schema.maxItems} items`);
  }
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  return notes;
}

/** The object a schema describes, following one $ref. */
export function resolveObject(schema: JsonSchema | undefined, components: Record<string, JsonSchema>): JsonSchema | undefined {
  if (schema && typeof schema.$ref === "string") return components[refName(schema.$ref)];
  return schema;
}

/** A table of an object's fields; other shapes are named in one line. */
export function FieldTable({ schema, components }: { schema: JsonSchema | undefined; components: Record<string, JsonSchema> }) {
  const target = resolveObject(schema, components);
  const properties = target?.properties as Record<string, JsonSchema> | undefined;
  if (!target || !properties) {
    return (
      <p className="text-sm">
        <span className="font-medium">Type:</span> <code className="wrap-anywhere">{typeLabel(schema)}</code>
        {typeof target?.description === "string" && <> – {target.description}</>}
      </p>
    );
  }
  const required = new Set((target.required as string[] | undefined) ?? []);
  return (
    <div tabIndex={0} className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <th scope="col" className="py-1.5 pr-3 font-semibold">Field</th>
            <th scope="col" className="py-1.5 pr-3 font-semibold">Type</th>
            <th scope="col" className="py-1.5 font-semibold">Notes</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(properties).map(([name, property]) => (
            <tr key={name} className="border-b border-slate-100 align-top dark:border-slate-800">
              <td className="py-1.5 pr-3">
                <code className="font-semibold wrap-anywhere">{name}</code>
                {required.has(name) ? <span className="ml-1 text-xs text-rose-700 dark:text-rose-300">required</span> : null}
              </td>
              <td className="py-1.5 pr-3">
                <code className="wrap-anywhere">{typeLabel(property)}</code>
              </td>
              <td className="py-1.5 text-slate-700 dark:text-slate-300">
                {typeof property.description === "string" && <InlineMarkdown text={property.description} />}
                {constraintsOf(property).length > 0 && <span className="block text-xs text-slate-500 dark:text-slate-400">{constraintsOf(property).join(", ")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
