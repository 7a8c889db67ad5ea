import { describe, expect, it } from 'vitest';
import { MUTATING_FORMS } from '../../src/ingest/safety/mutating-forms.js';
import { READ_ONLY_FORMS } from '../../src/ingest/safety/read-only-forms.js';
import { classifyCommand } from '../../src/ingest/safety.js';

/** One test per allowlist entry: its examples are read-only, its counter-examples are not. */
describe('read-only forms', () => {
  it.each(READ_ONLY_FORMS.map((form) => [`${form.programs[0]}: ${form.note}`, form] as const))(
    '%s',
    (_, form) => {
      expect(form.examples.length).toBeGreaterThan(0);
      for (const example of form.examples) {
        expect(classifyCommand(example), example).toEqual({ safety: 'read-only', reason: '' });
      }
      for (const counter of form.counterExamples ?? []) {
        expect(classifyCommand(counter).safety, counter).not.toBe('read-only');
      }
    },
  );
});

describe('mutating forms', () => {
  it.each(MUTATING_FORMS.map((form) => [`${form.programs[0]}: ${form.note}`, form] as const))(
    '%s',
    (_, form) => {
      expect(form.examples.length).toBeGreaterThan(0);
      for (const example of form.examples) expect(classifyCommand(example).safety, example).toBe('mutating');
    },
  );
});
