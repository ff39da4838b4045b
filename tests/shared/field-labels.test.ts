// Field labels by module: no key with two labels inside one namespace, every input field of every method
// named from its own module's labels (never another module's), and the clash users saw — a service record's
// hours named as print's office hours — gone from the message a refused call answers with.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type Method } from '../../src/shared/api/contract';
import { LANGUAGES } from '../../src/shared/api/schemas';
import {
  COMMON_FIELD_LABELS,
  FIELD_LABEL_PARTS,
  FIELD_LABELS,
  FIELD_MODULES,
  fieldLabel,
  moduleOfMethod,
  type FieldModule,
} from '../../src/shared/i18n/field-labels';
import { formatError } from '../../src/shared/i18n/messages';
import { appsForEachTest, expectError } from '../support/factory';

const METHODS = Object.keys(contract) as Method[];

/** The dotted paths of every field of a zod input schema (list positions left out). */
function fieldPaths(schema: z.ZodType): string[] {
  const out = new Set<string>();
  const walk = (node: unknown, prefix: string, seen: ReadonlySet<unknown>) => {
    if (!node || seen.has(node)) return;
    const next = new Set(seen).add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    switch (def.type) {
      case 'object':
        for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
          const path = prefix ? `${prefix}.${key}` : key;
          out.add(path);
          walk(child, path, next);
        }
        break;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'catch':
      case 'readonly':
      case 'nonoptional':
        walk(def.innerType, prefix, next);
        break;
      case 'pipe':
        walk(def.in, prefix, next);
        walk(def.out, prefix, next);
        break;
      case 'array':
        walk(def.element, prefix, next);
        break;
      case 'union':
        for (const option of def.options as unknown[]) walk(option, prefix, next);
        break;
      case 'intersection':
        walk(def.left, prefix, next);
        walk(def.right, prefix, next);
        break;
      case 'record':
        walk(def.valueType, prefix, next);
        break;
      case 'lazy':
        walk((def.getter as () => unknown)(), prefix, next);
        break;
    }
  };
  walk(schema, '', new Set());
  return [...out];
}

/** The label of `path` from its module's namespace and the common labels only: what the method must show. */
function ownLabel(path: string, module: FieldModule, lang: (typeof LANGUAGES)[number]): string | undefined {
  const last = path.split('.').pop() ?? path;
  for (const name of [path, last]) {
    const label = FIELD_LABELS[module][lang][name] ?? (COMMON_FIELD_LABELS[lang] as Record<string, string>)[name];
    if (label !== undefined) return label;
  }
  return undefined;
}

describe('field label namespaces', () => {
  it('give every method prefix of the contract a module', () => {
    for (const method of METHODS) expect(moduleOfMethod(method), method).toBeDefined();
    expect(moduleOfMethod('serviceRecords.create')).toBe('counter');
    expect(moduleOfMethod('station.save')).toBe('print');
    expect(moduleOfMethod('no.such')).toBeUndefined();
  });

  it('hold no key with two labels inside one namespace', () => {
    const clashes: string[] = [];
    for (const module of FIELD_MODULES) {
      for (const lang of LANGUAGES) {
        const seen = new Map<string, string>(Object.entries(COMMON_FIELD_LABELS[lang]));
        const commonKeys = new Set(seen.keys());
        const ownKeys = new Map<string, string>();
        for (const part of FIELD_LABEL_PARTS[module]) {
          for (const [key, label] of Object.entries(part[lang])) {
            const before = ownKeys.get(key) ?? seen.get(key);
            if (before !== undefined && before !== label) clashes.push(`${module}/${lang}: ${key} is “${before}” and “${label}”`);
            // The same text as the common label is harmless but says a key is kept twice.
            if (commonKeys.has(key) && seen.get(key) === label) clashes.push(`${module}/${lang}: ${key} repeats the common label`);
            ownKeys.set(key, label);
          }
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('have the same keys in both languages, none of them empty', () => {
    for (const module of FIELD_MODULES) {
      expect(Object.keys(FIELD_LABELS[module].en).sort(), module).toEqual(Object.keys(FIELD_LABELS[module]['zh-CN']).sort());
      for (const lang of LANGUAGES) for (const [key, label] of Object.entries(FIELD_LABELS[module][lang])) expect(label.trim(), `${module}/${lang}/${key}`).not.toBe('');
    }
    expect(Object.keys(COMMON_FIELD_LABELS.en).sort()).toEqual(Object.keys(COMMON_FIELD_LABELS['zh-CN']).sort());
  });

  it('name every input field of every method from its own module (or the common labels), in both languages', () => {
    const unnamed: string[] = [];
    const wrong: string[] = [];
    for (const method of METHODS) {
      const module = moduleOfMethod(method) as FieldModule;
      for (const path of fieldPaths(contract[method].input)) {
        for (const lang of LANGUAGES) {
          const own = ownLabel(path, module, lang);
          if (own === undefined) unnamed.push(`${method} ${path} (${lang})`);
          else if (fieldLabel(path, lang, module) !== own) wrong.push(`${method} ${path} (${lang}): “${fieldLabel(path, lang, module)}”, not “${own}”`);
        }
      }
    }
    expect(unnamed).toEqual([]);
    expect(wrong).toEqual([]);
  });

  it('name a key two modules label differently by the module of the method, never the other one', () => {
    // The keys some method's input uses and two modules label differently: each method sees its own.
    let checked = 0;
    for (const method of METHODS) {
      const module = moduleOfMethod(method) as FieldModule;
      for (const path of fieldPaths(contract[method].input)) {
        const others = FIELD_MODULES.filter((m) => m !== module && FIELD_LABELS[m]['zh-CN'][path] !== undefined && FIELD_LABELS[m]['zh-CN'][path] !== FIELD_LABELS[module]['zh-CN'][path]);
        if (others.length === 0 || FIELD_LABELS[module]['zh-CN'][path] === undefined) continue;
        checked++;
        for (const lang of LANGUAGES) expect(fieldLabel(path, lang, module), `${method} ${path}`).toBe(FIELD_LABELS[module][lang][path]);
      }
    }
    // hours, requestId, period, name, kind, category, note, closedOn … are such keys today.
    expect(checked).toBeGreaterThan(10);
    expect(fieldLabel('hours', 'zh-CN', 'counter')).toBe('服务时长（小时）');
    expect(fieldLabel('hours', 'zh-CN', 'print')).toBe('办公时间');
    expect(fieldLabel('requestId', 'zh-CN', 'counter')).toBe('关联受理单');
    expect(fieldLabel('requestId', 'zh-CN', 'print')).toBe('服务申请');
    expect(fieldLabel('period', 'zh-CN', 'counter')).toBe('月份');
    expect(fieldLabel('period', 'zh-CN', 'returns')).toBe('月报期间');
  });

  it('find a label inside a list by the field’s name (files.0.bytes is the file content)', () => {
    expect(fieldLabel('files.0.bytes', 'zh-CN', 'exchange')).toBe('文件内容');
    expect(fieldLabel('fields.idNumber', 'en', 'members')).toBe('Citizen ID number');
  });
});

describe('a refused call names its fields from its own module', () => {
  const app = appsForEachTest();

  it('a service record’s hours out of range: the service-hours label, not the station’s office hours', async () => {
    const t = await app();
    const team = await t.app.invoke('teams.save', { teamName: '助老探访队', skill: 'elderly_visits' }, t.adminToken);
    const volunteer = await t.app.invoke('volunteers.save', { volunteerName: '郑建国', teamId: team.id }, t.adminToken);
    const error = await expectError(t.app, 'serviceRecords.create', { volunteerId: volunteer.id, servedOn: '2026-03-09', hours: 30, content: '探访独居老人' }, t.adminToken, 'VALIDATION');
    expect(error.details?.issues?.[0]).toMatchObject({ field: 'hours', problem: 'hoursRange' });
    // The message the core answers with (the CLI and logs) and the one the UI writes from the same error.
    expect(error.message).toContain('服务时长（小时）：服务时长为 0.5 至 24 小时（填写的是“30”）');
    expect(error.message).not.toContain('办公时间');
    expect(formatError(error, 'zh-CN', 'serviceRecords.create')).toBe(error.message);
    expect(formatError(error, 'en', 'serviceRecords.create')).toContain('Hours must be from 0.5 to 24 hours');
    expect(formatError(error, 'en', 'serviceRecords.create')).not.toContain('Opening hours');
  });

  it('the station’s hours keep the office-hours label', async () => {
    const t = await app();
    const error = await expectError(t.app, 'station.save', { hours: 'x'.repeat(81) }, t.adminToken, 'VALIDATION');
    expect(error.details?.issues?.[0]).toMatchObject({ field: 'hours' });
    expect(error.message).toContain('办公时间：');
    expect(formatError(error, 'en', 'station.save')).toContain('Opening hours');
  });
});
