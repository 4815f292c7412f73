import type { JsonSchemaType } from '@modelcontextprotocol/server';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/server/validators/ajv';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { toJSONSchema } from 'zod/v4';
import { toolJsonSchema } from './json-schema.js';

/** Every `type` keyword anywhere in a schema. */
const typesIn = (node: unknown, found: unknown[] = []): unknown[] => {
  if (Array.isArray(node)) for (const item of node) typesIn(item, found);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'type') found.push(value);
      else typesIn(value, found);
    }
  }
  return found;
};

describe('toolJsonSchema', () => {
  it('writes a nullable scalar as single-type anyOf branches, keeping its constraints and description', () => {
    const schema = toolJsonSchema(
      z.object({ name: z.string().min(2).nullable().describe('legal name') }),
      'output',
    );
    expect(schema.properties).toEqual({
      name: { anyOf: [{ type: 'string', minLength: 2 }, { type: 'null' }], description: 'legal name' },
    });
    expect(schema.required).toEqual(['name']);
  });

  it('leaves no type array anywhere: nested objects, arrays, records, optional nullables', () => {
    const schema = toolJsonSchema(
      z.object({
        a: z.array(z.object({ b: z.number().nullable(), c: z.boolean().nullable().optional() })),
        d: z.record(z.string(), z.string().nullable()),
        e: z.object({ f: z.string().nullable() }).nullable(),
      }),
      'output',
    );
    const types = typesIn(schema);
    expect(types.length).toBeGreaterThan(5);
    expect(types.filter((t) => Array.isArray(t))).toEqual([]);
  });

  it('keeps the root an object without $schema, and input schemas unchanged where already portable', () => {
    const input = z.object({ siren: z.string().describe('9 digits'), page: z.number().int().optional() });
    const schema = toolJsonSchema(input, 'input');
    expect(schema.$schema).toBeUndefined();
    expect(schema).toMatchObject({
      type: 'object',
      properties: { siren: { type: 'string', description: '9 digits' }, page: { type: 'integer' } },
      required: ['siren'],
    });
  });

  it('accepts and refuses exactly the values the type-array spelling did (JSON Schema 2020-12 validator)', () => {
    const zod = z.object({
      name: z.string().min(2).nullable(),
      count: z.number().nullable().optional(),
      tags: z.array(z.string().nullable()),
    });
    const raw = toJSONSchema(zod, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' });
    const ajv = new AjvJsonSchemaValidator();
    const before = ajv.getValidator(raw as JsonSchemaType);
    const after = ajv.getValidator(toolJsonSchema(zod, 'output') as JsonSchemaType);
    const values = [
      { name: 'La Poste', tags: [] },
      { name: null, count: null, tags: ['a', null] },
      { name: 'L', tags: [] },
      { name: 3, tags: [] },
      { name: null, count: 'x', tags: [] },
      { name: null, tags: [1] },
      { tags: [] },
    ];
    const verdicts = values.map((v) => [before(v).valid, after(v).valid]);
    expect(verdicts.map(([b]) => b)).toEqual([true, true, false, false, false, false, false]);
    expect(verdicts.map(([, a]) => a)).toEqual(verdicts.map(([b]) => b));
  });
});
