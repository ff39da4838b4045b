// Checks a form with the contract's own zod schema before sending, and puts field issues (from the
// browser check or from the core's VALIDATION answer) under the fields they belong to.
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import type { z } from 'zod';
import { contract, isMethod } from '../../../shared/api/contract';
import type { Language } from '../../../shared/api/schemas';
import { safeParseInput } from '../../../shared/api/validate';
import { fieldLabel, formatIssue, moduleOfMethod, type FieldModule } from '../../../shared/i18n/messages';
import type { FieldIssue } from '../../../shared/result';
import { ApiCallError } from '../api/client';
import { currentLanguage } from '../i18n';
import { errorText } from './errors';
import { useLanguage } from './use-language';

/**
 * Labels a form gives its fields where the shared table's label would mislead (the shared `name` is the
 * street's name; on the organization form it is the organization's).
 */
export type FieldLabels = Readonly<Record<string, string>>;

/**
 * The module whose field labels name a contract schema's fields, found from the methods that take it; none
 * for a schema that methods of two modules share (their fields then fall back to the common labels).
 */
const MODULE_OF_SCHEMA: WeakMap<z.ZodType, FieldModule | null> = (() => {
  const map = new WeakMap<z.ZodType, FieldModule | null>();
  for (const method of Object.keys(contract)) {
    if (!isMethod(method)) continue;
    const schema = contract[method].input;
    const module = moduleOfMethod(method) ?? null;
    map.set(schema, map.has(schema) && map.get(schema) !== module ? null : module);
  }
  return map;
})();

function moduleOfSchema(schema: z.ZodType): FieldModule | undefined {
  return MODULE_OF_SCHEMA.get(schema) ?? undefined;
}

/** The module of the call that failed, when `error` is a refused call. */
function moduleOfError(error: unknown): FieldModule | undefined {
  return error instanceof ApiCallError ? moduleOfMethod(error.method) : undefined;
}

/** One issue as a sentence: the shared formatter, or the same sentence under the form's own label. */
export function issueText(issue: FieldIssue, lang: Language = currentLanguage(), labels?: FieldLabels, module?: FieldModule): string {
  const text = formatIssue(issue, lang, module);
  const label = labels?.[issue.field];
  const shared = fieldLabel(issue.field, lang, module);
  return label !== undefined && text.startsWith(shared) ? label + text.slice(shared.length) : text;
}

/** Issues of `values` against `schema`, or none. */
export function checkInput(schema: z.ZodType, values: unknown): FieldIssue[] {
  const result = safeParseInput(schema, values);
  return result.ok ? [] : result.issues;
}

/**
 * Shows each issue under its field (`fields` lists the dotted names the form has) and returns the
 * issues no field of the form could show, so the caller can show them elsewhere.
 */
export function showIssues(
  form: FormInstance,
  issues: FieldIssue[],
  fields: readonly string[],
  lang: Language = currentLanguage(),
  labels?: FieldLabels,
  module?: FieldModule,
): FieldIssue[] {
  const byField = new Map<string, string[]>();
  const rest: FieldIssue[] = [];
  for (const issue of issues) {
    if (!fields.includes(issue.field)) {
      rest.push(issue);
      continue;
    }
    // One message per field: the first problem is the one to fix first.
    if (!byField.has(issue.field)) byField.set(issue.field, [issueText(issue, lang, labels, module)]);
  }
  form.setFields(
    fields.map((field) => ({ name: field.split('.'), errors: byField.get(field) ?? [] })),
  );
  return rest;
}

/** Field issues carried by a core VALIDATION answer, if that is what `error` is. */
export function validationIssues(error: unknown): FieldIssue[] | null {
  if (error instanceof ApiCallError && error.code === 'VALIDATION') return error.error.details?.issues ?? [];
  return null;
}

/**
 * `showIssues` for a page where the language can change while errors are on screen (setup, login):
 * the issues still shown are written again in the new language.
 */
export function useIssueDisplay(form: FormInstance, fields: readonly string[]): (issues: FieldIssue[]) => FieldIssue[] {
  const lang = useLanguage();
  const shown = useRef<FieldIssue[]>([]);
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;

  useEffect(() => {
    const still = shown.current.filter((issue) => form.getFieldError(issue.field.split('.')).length > 0);
    if (still.length > 0) showIssues(form, still, [...new Set(still.map((issue) => issue.field))], lang);
  }, [lang, form]);

  return useCallback(
    (issues: FieldIssue[]) => {
      shown.current = issues;
      return showIssues(form, issues, fieldsRef.current, lang);
    },
    [form, lang],
  );
}

/** Checks `input` with the contract's schema and shows what is wrong; true when it may be sent. */
export function checkForm(form: FormInstance, schema: z.ZodType, input: unknown, fields: readonly string[], labels?: FieldLabels): boolean {
  const issues = checkInput(schema, input);
  showIssues(form, issues, fields, currentLanguage(), labels, moduleOfSchema(schema));
  return issues.length === 0;
}

/** Shows a failed call: the core's field issues under their fields, anything else through `report`. */
export function showCallFailure(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  report: (error: unknown) => void,
  labels?: FieldLabels,
): void {
  const issues = validationIssues(error);
  if (!issues || showIssues(form, issues, fields, currentLanguage(), labels, moduleOfError(error)).length > 0) report(error);
}

/**
 * Shows a failed step on a record: field issues under their fields, and what is wrong with the record itself
 * (already closed, cancelled …) returned as one sentence for above the form; anything else through `report`.
 */
export function stepRefusal(form: FormInstance, error: unknown, fields: readonly string[], report: (error: unknown) => void, labels?: FieldLabels): string | null {
  const issues = validationIssues(error);
  if (!issues) {
    report(error);
    return null;
  }
  // A refusal that names no field at all is still said, not swallowed.
  if (issues.length === 0) return errorText(error);
  const module = moduleOfError(error);
  const rest = showIssues(form, issues, fields, undefined, labels, module);
  return rest.length > 0 ? rest.map((issue) => issueText({ ...issue, value: undefined }, undefined, labels, module)).join('；') : null;
}

/** A password typed twice: puts `message` under the confirmation field when they differ. */
export function checkConfirmation(form: FormInstance, field: string, password: string, confirmation: unknown, message: string): boolean {
  if (confirmation === password) return true;
  form.setFields([{ name: field, errors: [message] }]);
  return false;
}

/**
 * The save cycle every form shares: check the input with the contract's schema (and `alsoCheck`, for what
 * the schema cannot see), call, and on refusal show the core's issues under their fields. What the form
 * answers itself (`handle`: a wrong password under its field) goes first; for a step on a record
 * (`onRefusal`) what is wrong with the record itself becomes one sentence above the form; anything else
 * goes through `report`. Answers the result, or null when nothing was saved.
 */
export async function submitChecked<T>(options: {
  form: FormInstance;
  schema: z.ZodType;
  input: unknown;
  fields: readonly string[];
  labels?: FieldLabels;
  report: (error: unknown) => void;
  setSaving: (saving: boolean) => void;
  call: () => Promise<T>;
  alsoCheck?: () => boolean;
  handle?: (error: unknown) => boolean;
  onRefusal?: (sentence: string | null) => void;
  /**
   * Shows issues instead of `showIssues` and answers those no field took: the pages before login pass
   * `useIssueDisplay`'s, which writes the shown issues again when the language is switched.
   */
  display?: (issues: FieldIssue[]) => FieldIssue[];
}): Promise<T | null> {
  const { form, schema, input, fields, labels, report, setSaving, call, alsoCheck, handle, onRefusal, display } = options;
  onRefusal?.(null);
  if (display) {
    const issues = checkInput(schema, input);
    display(issues);
    if (issues.length > 0) return null;
  } else if (!checkForm(form, schema, input, fields, labels)) return null;
  if (alsoCheck && !alsoCheck()) return null;
  setSaving(true);
  try {
    return await call();
  } catch (error) {
    if (handle?.(error)) return null;
    if (display) {
      const issues = validationIssues(error);
      if (!issues || display(issues).length > 0) report(error);
    } else if (onRefusal) onRefusal(stepRefusal(form, error, fields, report, labels));
    else showCallFailure(form, error, fields, report, labels);
    return null;
  } finally {
    setSaving(false);
  }
}
