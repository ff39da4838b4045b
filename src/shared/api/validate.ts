// Turns a zod failure into field issues that name the field, the problem and the value typed.
import type { z } from 'zod';
import type { FieldIssue } from '../result';
import { FIELD_PROBLEMS } from '../i18n/messages';

const SECRET_FIELD = /password/i;

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const raw = issue as { input?: unknown; minimum?: unknown; maximum?: unknown; code: string };
    let problem = issue.message in FIELD_PROBLEMS['zh-CN'] ? issue.message : fallbackProblem(raw);
    if (raw.code === 'invalid_type' && raw.input === undefined) problem = 'required';
    const params: Record<string, string | number> = {};
    if (typeof raw.minimum === 'number' || typeof raw.minimum === 'bigint') params.min = Number(raw.minimum);
    if (typeof raw.maximum === 'number' || typeof raw.maximum === 'bigint') params.max = Number(raw.maximum);
    const out: FieldIssue = { field, problem };
    if (Object.keys(params).length) out.params = params;
    if (!SECRET_FIELD.test(field) && raw.input !== undefined && !(raw.input instanceof Uint8Array)) {
      out.value = raw.input;
    }
    return out;
  });
}

function fallbackProblem(issue: { code: string }): string {
  switch (issue.code) {
    case 'too_small':
      return 'tooShort';
    case 'too_big':
      return 'tooLong';
    case 'invalid_value':
      return 'notAllowed';
    case 'unrecognized_keys':
      return 'unknownField';
    default:
      return 'invalid';
  }
}

/** Parses `input` with `schema`; on failure returns the issues instead of throwing. */
export function safeParseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
): { ok: true; value: z.output<T> } | { ok: false; issues: FieldIssue[] } {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: toFieldIssues(parsed.error) };
}
