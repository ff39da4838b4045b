// First-time setup: what the clerk types is checked field by field, codes pasted from WPS are accepted,
// a database is set up once, and a failed setup leaves nothing behind.
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../src/shared/api/contract';
import { formatError } from '../../src/shared/i18n/messages';
import type { ApiError } from '../../src/shared/result';
import { ADMIN, STREET, count, expectError, tableSnapshot, type TestApp, appsForEachTest } from '../support/factory';

const app = appsForEachTest();
const freshApp = () => app({ initialized: false });

function setupInput(street: Partial<ApiInput<'setup.initialize'>['street']> = {}, admin = {}): ApiInput<'setup.initialize'> {
  return { street: { ...STREET, ...street }, admin: { ...ADMIN, ...admin } };
}

function expectNothingWritten(t: TestApp): void {
  expect(count(t.app.database, 'street')).toBe(0);
  expect(count(t.app.database, 'users')).toBe(0);
  expect(count(t.app.database, 'audit_log')).toBe(0);
}

describe('setup.initialize validation', () => {
  const cases: { label: string; street: Partial<ApiInput<'setup.initialize'>['street']>; field: string; problem: string; value: string }[] =
    [
      { label: 'a one-character street name', street: { name: '东' }, field: 'street.name', problem: 'tooShort', value: '东' },
      { label: 'a division code of 11 digits', street: { code: '11010100100' }, field: 'street.code', problem: 'divisionCodeDigits', value: '11010100100' },
      {
        label: 'a 12-digit code not ending in 000',
        street: { code: '110101001001' },
        field: 'street.code',
        problem: 'divisionCodeStreetTail',
        value: '110101001001',
      },
      {
        label: 'a township part of 100 (a town, not a street)',
        street: { code: '110101100000' },
        field: 'street.code',
        problem: 'divisionCodeStreetPart',
        value: '110101100000',
      },
    ];

  it.each(cases)('$label is refused naming the field $field and the value', async ({ street, field, problem, value }) => {
    const t = await freshApp();
    const error = await expectError(t.app, 'setup.initialize', setupInput(street), null, 'VALIDATION');
    expect(error.details?.issues).toEqual([expect.objectContaining({ field, problem, value })]);
    expectNothingWritten(t);
  });

  it('says in Chinese and in English which field is wrong and what was typed', async () => {
    const t = await freshApp();
    const error = await expectError(t.app, 'setup.initialize', setupInput({ code: '11010100100' }), null, 'VALIDATION');

    // The envelope's message is the one the window shows (zh-CN by default).
    expect(error.message).toContain('区划代码');
    expect(error.message).toContain('11010100100');
    expect(error.message).toContain('9 位或 12 位');

    const en = formatError(error, 'en');
    expect(en).toContain('Division code');
    expect(en).toContain('11010100100');
    expect(en).toContain('9 or 12 digits');
  });

  it('reports every wrong field at once', async () => {
    const t = await freshApp();
    const error = await expectError(
      t.app,
      'setup.initialize',
      setupInput({ name: '', code: '1234' }, { username: 'a' }),
      null,
      'VALIDATION',
    );
    const fields = (error.details?.issues ?? []).map((i) => i.field).sort();
    expect(fields).toEqual(['admin.username', 'street.code', 'street.name']);
  });

  it('never echoes the administrator password it refuses', async () => {
    const t = await freshApp();
    const error: ApiError = await expectError(t.app, 'setup.initialize', setupInput({}, { password: 'short1' }), null, 'VALIDATION');
    expect(error.details?.issues).toEqual([expect.objectContaining({ field: 'admin.password', problem: 'passwordTooShort' })]);
    expect(JSON.stringify(error)).not.toContain('short1');
  });

  it('accepts full-width digits and spaces pasted from a document, and stores 12 ASCII digits', async () => {
    const t = await freshApp();
    const setup = await t.app.invoke('setup.initialize', setupInput({ code: '１１０１０１ ００１' }));
    expect(setup.user.role).toBe('admin');
    const street = await t.app.invoke('street.get', {}, setup.token);
    expect(street.code).toBe('110101001000');
    expect((await t.app.invoke('app.status', {})).street?.code).toBe('110101001000');
  });

  it('stores a 9-digit street code in its 12-digit form', async () => {
    const t = await freshApp();
    const setup = await t.app.invoke('setup.initialize', setupInput({ code: '１１０１０１００１０００' }));
    expect((await t.app.invoke('street.get', {}, setup.token)).code).toBe('110101001000');
  });
});

describe('setting up a database', () => {
  it('opens a session for the new administrator, who can log in again with the password', async () => {
    const t = await freshApp();
    const setup = await t.app.invoke('setup.initialize', setupInput());
    expect(setup.user).toMatchObject({ username: ADMIN.username, displayName: ADMIN.displayName, role: 'admin', disabled: false });
    expect((await t.app.invoke('auth.session', {}, setup.token))?.user.username).toBe(ADMIN.username);
    const login = await t.app.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(login.user.id).toBe(setup.user.id);
  });

  it('refuses other calls before setup with NOT_INITIALIZED', async () => {
    const t = await freshApp();
    await expectError(t.app, 'auth.login', { username: 'admin', password: 'x' }, null, 'NOT_INITIALIZED');
    expect(await t.app.invoke('auth.session', {})).toBeNull();
  });

  it('a second setup is refused with ALREADY_INITIALIZED and changes nothing', async () => {
    const t = await freshApp();
    await t.app.invoke('setup.initialize', setupInput());
    const before = tableSnapshot(t.app.sqlite);

    await expectError(
      t.app,
      'setup.initialize',
      setupInput({ name: '景山街道', code: '110101002000' }, { username: 'intruder', password: 'Intruder2026' }),
      null,
      'ALREADY_INITIALIZED',
    );

    expect(tableSnapshot(t.app.sqlite)).toEqual(before);
    expect(count(t.app.database, 'users')).toBe(1);
    expect((await t.app.invoke('app.status', {})).street).toMatchObject({ name: STREET.name, code: STREET.code });
    await expectError(t.app, 'auth.login', { username: 'intruder', password: 'Intruder2026' }, null, 'INVALID_CREDENTIALS');
  });

  it('two setups sent at the same moment make one street and one administrator', async () => {
    const t = await freshApp();
    const results = await Promise.all([
      t.app.call('setup.initialize', setupInput(), null),
      t.app.call('setup.initialize', setupInput({ name: '景山街道', code: '110101002000' }, { username: 'second' }), null),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code))).toEqual(['ALREADY_INITIALIZED']);
    expect(count(t.app.database, 'street')).toBe(1);
    expect(count(t.app.database, 'users')).toBe(1);
  });

  it('leaves nothing half-written when a refused setup is followed by a good one', async () => {
    const t = await freshApp();
    await expectError(t.app, 'setup.initialize', setupInput({ code: '110101100000' }), null, 'VALIDATION');
    await expectError(t.app, 'setup.initialize', setupInput({}, { password: 'onlyletters' }), null, 'VALIDATION');
    expectNothingWritten(t);
    expect((await t.app.invoke('app.status', {})).initialized).toBe(false);

    await t.app.invoke('setup.initialize', setupInput());
    expect(count(t.app.database, 'street')).toBe(1);
    expect(count(t.app.database, 'users')).toBe(1);
  });

  it('writes neither street nor user when the audit entry cannot be written', async () => {
    const t = await freshApp();
    // Another connection makes every audit insert fail, as a full disk would half-way through setup.
    const other = new SqliteDatabase(t.dbPath);
    other.exec("CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    try {
      const error = await expectError(t.app, 'setup.initialize', setupInput(), null, 'INTERNAL');
      expect(error.message).not.toContain('disk full'); // no internals shown to the clerk
      expect(count(t.app.database, 'street')).toBe(0);
      expect(count(t.app.database, 'users')).toBe(0);
      expect((await t.app.invoke('app.status', {})).initialized).toBe(false);
    } finally {
      other.exec('DROP TRIGGER audit_fails');
      other.close();
    }
    await t.app.invoke('setup.initialize', setupInput());
    expect(count(t.app.database, 'users')).toBe(1);
  });
});

describe('app.status says what the database is for', () => {
  it('a street before and after setup, a district once set up as one: the window picks its menu before any page loads', async () => {
    const street = await freshApp();
    expect(await street.app.invoke('app.status', {})).toMatchObject({ initialized: false, mode: 'street' });
    await street.app.invoke('setup.initialize', setupInput());
    expect(await street.app.invoke('app.status', {})).toMatchObject({ initialized: true, mode: 'street', street: { name: STREET.name } });

    const district = await freshApp();
    await district.app.invoke('setup.initializeDistrict', { district: { name: '东城区', code: '110101' }, admin: { ...ADMIN } });
    expect(await district.app.invoke('app.status', {})).toMatchObject({ initialized: true, mode: 'district', street: { name: '东城区', code: '110101000000' } });
  });

  it('a refused district setup leaves the database a street waiting for setup', async () => {
    const t = await freshApp();
    const error = await expectError(t.app, 'setup.initializeDistrict', { district: { name: '东城区', code: '11010' }, admin: { ...ADMIN } }, null, 'VALIDATION');
    expect(error.details?.issues).toEqual([expect.objectContaining({ field: 'district.code', problem: 'districtCodeDigits', value: '11010' })]);
    expectNothingWritten(t);
    expect(await t.app.invoke('app.status', {})).toMatchObject({ initialized: false, mode: 'street' });
  });
});
