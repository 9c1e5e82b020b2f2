import { readFileSync } from "node:fs";
import path from "node:path";
import internals from "@prisma/internals";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { applyMigrations, readMigrations } from "./migrate";

// getDMMF parses schema.prisma with Prisma's own (WebAssembly) parser: no engine download needed.
const { getDMMF } = internals as unknown as {
  getDMMF(options: { datamodel: string }): Promise<{ datamodel: Datamodel }>;
};

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  algorithm?: string;
  fields: { name: string }[];
}
interface Datamodel {
  models: DmmfModel[];
  enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
  indexes: DmmfIndex[];
}

let db: TestDatabase;
let datamodel: Datamodel;

beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
  const schema = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
  datamodel = (await getDMMF({ datamodel: schema })).datamodel;
  addUnsupportedFields(datamodel, schema);
});
afterAll(async () => {
  await db.drop();
});

/**
 * The DMMF leaves out `Unsupported("…")` fields (a tsvector, say), yet they are columns and may be
 * indexed: read them from the schema text so the checks below see them like any other field.
 */
function addUnsupportedFields(model: Datamodel, schema: string): void {
  for (const block of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const target = model.models.find((candidate) => candidate.name === block[1]);
    if (!target) continue;
    for (const field of block[2].matchAll(/^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?(.*)$/gm)) {
      const attributes = field[4];
      target.fields.push({
        name: field[1],
        dbName: /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? null,
        kind: "unsupported",
        type: field[2],
        isList: false,
        isRequired: field[3] !== "?",
        isUpdatedAt: false,
        hasDefaultValue: /@default\(/.test(attributes),
      });
    }
  }
}

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (field: DmmfField) => field.dbName ?? field.name;

/** The Postgres type Prisma creates for a field (information_schema's data_type / udt_name). */
function expectedType(field: DmmfField, enumDbNames: Map<string, string>): string {
  if (field.isList) return "ARRAY";
  if (field.kind === "enum") return `enum:${enumDbNames.get(field.type)}`;
  const native = field.nativeType?.[0];
  if (native) {
    const nativeTypes: Record<string, string> = {
      Uuid: "uuid",
      VarChar: "character varying",
      Char: "character",
      Text: "text",
      Timestamptz: "timestamp with time zone",
      Timestamp: "timestamp without time zone",
      Date: "date",
      SmallInt: "smallint",
      Integer: "integer",
      BigInt: "bigint",
      DoublePrecision: "double precision",
      Real: "real",
      JsonB: "jsonb",
      Json: "json",
      Citext: "USER-DEFINED",
      Inet: "inet",
    };
    if (!nativeTypes[native]) throw new Error(`Add native type ${native} to this test's table`);
    return nativeTypes[native];
  }
  if (field.kind === "unsupported") return field.type;
  const scalarTypes: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Float: "double precision",
    Boolean: "boolean",
    DateTime: "timestamp without time zone",
    Json: "jsonb",
    Decimal: "numeric",
    Bytes: "bytea",
  };
  return scalarTypes[field.type];
}

describe("the migrations", () => {
  it("apply cleanly, once, and are recorded the way `prisma migrate deploy` records them", async () => {
    // Three instances starting at the same moment: the advisory lock lets each migration run once.
    const runs = await Promise.all([applyMigrations(db.pool), applyMigrations(db.pool), applyMigrations(db.pool)]);
    const names = readMigrations().map((migration) => migration.name);
    expect(runs.flat().sort()).toEqual(names);
    const { rows } = await db.pool.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(readMigrations()[index].checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
    expect(await applyMigrations(db.pool)).toEqual([]);
  });

  it("produce exactly the tables and columns schema.prisma describes, with their types, nullability and defaults", async () => {
    const enumDbNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
    const { rows: columns } = await db.pool.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: "YES" | "NO";
      column_default: string | null;
    }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const actual = new Map(columns.map((column) => [`${column.table_name}.${column.column_name}`, column]));
    const expected = new Set<string>();
    for (const model of datamodel.models) {
      for (const field of model.fields.filter((f) => f.kind !== "object")) {
        const key = `${tableOf(model)}.${columnOf(field)}`;
        expected.add(key);
        const column = actual.get(key);
        expect(column, `column ${key} is missing`).toBeDefined();
        const type = column!.data_type === "USER-DEFINED" && field.kind === "enum" ? `enum:${column!.udt_name}` : column!.data_type;
        expect(type, `type of ${key}`).toBe(expectedType(field, enumDbNames));
        expect(column!.is_nullable === "NO", `nullability of ${key}`).toBe(field.isRequired);
        expect(column!.column_default !== null, `default of ${key}`).toBe(field.hasDefaultValue && !field.isUpdatedAt);
      }
    }
    expect([...actual.keys()].filter((key) => !expected.has(key)), "columns the schema does not describe").toEqual([]);
  });

  it("produce exactly the enums of schema.prisma", async () => {
    const { rows } = await db.pool.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
    );
    const expected = datamodel.enums
      .map((e) => ({ name: e.dbName ?? e.name, values: e.values.map((v) => v.dbName ?? v.name) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(rows).toEqual(expected);
  });

  it("produce exactly the primary keys, unique and plain indexes of schema.prisma", async () => {
    const { rows } = await db.pool.query<{ table: string; name: string; unique: boolean; primary: boolean; columns: string[]; method: string }>(
      `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
              am.amname AS method,
              array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_am am ON am.oid = i.relam
       JOIN pg_namespace ns ON ns.oid = t.relnamespace
       WHERE ns.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
    );
    const models = new Map(datamodel.models.map((model) => [model.name, model]));
    const describeIndex = (table: string, kind: string, columns: string[]) => `${table}:${kind}(${columns.join(",")})`;
    const expected = datamodel.indexes.map((index) => {
      const model = models.get(index.model)!;
      const columns = index.fields.map((f) => columnOf(model.fields.find((field) => field.name === f.name)!));
      const kind = index.type === "id" ? "primary" : index.type === "unique" ? "unique" : "index";
      return describeIndex(tableOf(model), kind, columns) + (index.algorithm && index.algorithm !== "BTree" ? `:${index.algorithm.toLowerCase()}` : "");
    });
    const actual = rows.map(
      (row) =>
        describeIndex(row.table, row.primary ? "primary" : row.unique ? "unique" : "index", row.columns) +
        (row.method !== "btree" ? `:${row.method}` : ""),
    );
    expect(actual.sort()).toEqual(expected.sort());
  });

  it("produce the foreign keys of schema.prisma's relations", async () => {
    const { rows } = await db.pool.query<{ from_table: string; from_columns: string[]; to_table: string; to_columns: string[] }>(
      `SELECT c.conrelid::regclass::text AS from_table, c.confrelid::regclass::text AS to_table,
              array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS from_columns,
              array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS to_columns
       FROM pg_constraint c WHERE c.contype = 'f'`,
    );
    const models = new Map(datamodel.models.map((model) => [model.name, model]));
    const unquote = (name: string) => name.replace(/^"|"$/g, "");
    const expected = datamodel.models.flatMap((model) =>
      model.fields
        .filter((field) => field.kind === "object" && field.relationFromFields && field.relationFromFields.length > 0)
        .map((field) => {
          const target = models.get(field.type)!;
          const from = field.relationFromFields!.map((name) => columnOf(model.fields.find((f) => f.name === name)!));
          const to = field.relationToFields!.map((name) => columnOf(target.fields.find((f) => f.name === name)!));
          return `${tableOf(model)}(${from}) -> ${tableOf(target)}(${to})`;
        }),
    );
    const actual = rows.map((row) => `${unquote(row.from_table)}(${row.from_columns}) -> ${unquote(row.to_table)}(${row.to_columns})`);
    expect(actual.sort()).toEqual(expected.sort());
  });
});
