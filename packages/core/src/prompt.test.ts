import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { createPromptSet, definePrompt } from './prompt.js';

const greet = definePrompt({
  name: 'greet',
  description: 'Says hello.',
  arguments: z.object({
    who: z.string().min(1).describe('whom to greet'),
    tone: z.string().optional().describe('formal or not'),
  }),
  render: ({ who, tone }) => ({
    messages: [{ role: 'user', content: { type: 'text', text: `${tone ?? 'Hi'} ${who}` } }],
  }),
});

describe('createPromptSet', () => {
  const set = createPromptSet([greet]);

  it('lists each argument with its description and whether it is required', () => {
    expect(set.list.prompts).toEqual([
      {
        name: 'greet',
        description: 'Says hello.',
        arguments: [
          { name: 'who', description: 'whom to greet', required: true },
          { name: 'tone', description: 'formal or not', required: false },
        ],
      },
    ]);
  });

  it('renders with parsed arguments', () => {
    expect(set.get('greet', { who: 'Ada' }).messages[0]?.content).toEqual({ type: 'text', text: 'Hi Ada' });
  });

  it('refuses bad arguments and unknown names as InvalidParams, naming the field', () => {
    expect(() => set.get('greet', {})).toThrow(/Invalid arguments for prompt greet: who/);
    expect(() => set.get('greet', {})).toThrow(expect.objectContaining({ code: -32602 }));
    expect(() => set.get('nope', {})).toThrow(/Unknown prompt "nope". Available: greet/);
  });

  it('refuses two prompts of one name at start-up', () => {
    expect(() => createPromptSet([greet, greet])).toThrow(/defined twice/);
  });
});
