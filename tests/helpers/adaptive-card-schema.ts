/**
 * Validates cards against the Adaptive Card 1.4 JSON schema shipped with the tests
 * (tests/fixtures/teams/adaptive-card-1.4.schema.json), with ajv and ajv-formats (URLs are checked too).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);
const SCHEMA_FILE = path.resolve(import.meta.dirname, '../fixtures/teams/adaptive-card-1.4.schema.json');

// ajv-formats is CommonJS: its default export arrives wrapped under ESM interop in some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

// Strict about unknown keywords and formats; the published schema lists `required: [type]` beside `allOf` refs,
// which ajv's strictRequired style check would refuse although it is valid JSON Schema.
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));

/** Schema errors of a card (empty when valid), as `instancePath keyword message` lines. */
export function adaptiveCardProblems(card: unknown): string[] {
  if (validate(card)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.keyword} ${e.message ?? ''}`);
}
