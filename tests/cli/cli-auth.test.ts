// The command line as a logged-in user: writes need the user's password (from STREETDESK_PASSWORD), a
// wrong one counts toward the lockout as in the window, a viewer cannot write, the audit names the user,
// an unknown --user is named; and every declared command carries its help in both languages.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../../src/shared/i18n/messages';
import { StreetDeskApp } from '../../src/core/app';
import { ALL_COMMANDS, GLOBAL_OPTIONS } from '../../src/cli/registry';
import { ADMIN, USER_PASSWORD, addUser, makeApp, makeTempDir } from '../support/factory';
import { jsonLine, runCli } from '../support/cli';
import { citizenId, memberRow, nationalRoster, writeWorkbook } from '../core/import/roster-workbooks';

/** Each test runs the CLI a few times (several seconds each on a busy machine). */
const SLOW = 120_000;
const ADMIN_ENV = { STREETDESK_PASSWORD: ADMIN.password };

let dir: string;
let db: string;
let copies = 0;

beforeAll(async () => {
  dir = makeTempDir('streetdesk-cli-auth-');
  const t = await makeApp({ dir });
  await addUser(t, 'viewer', 'chakan');
  await addUser(t, 'clerk', 'zhangwei');
  t.app.close();
  db = t.dbPath;
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the set-up database, for a test that writes. */
function copyOfDb(): string {
  const file = path.join(dir, `copy-${++copies}.db`);
  fs.copyFileSync(db, file);
  return file;
}

/** Reads the database the CLI left behind, in this process, after the CLI has exited. */
function inspect<T>(file: string, read: (app: StreetDeskApp) => T): T {
  const app = new StreetDeskApp({ dbPath: file });
  try {
    return read(app);
  } finally {
    app.close();
  }
}

const auditRows = (file: string) =>
  inspect(file, (app) => app.database.prepare('SELECT action, username, user_id FROM audit_log ORDER BY id').all() as { action: string; username: string; user_id: number | null }[]);

describe('writes through the CLI', () => {
  it(
    'without STREETDESK_PASSWORD are refused with a message saying where the password goes, and nothing is written',
    async () => {
      const file = copyOfDb();
      const before = auditRows(file);
      const run = await runCli(['--db', file, 'workdays', 'override', '--date', '2028-10-02', '--holiday', '--json']);
      expect(run.code).toBe(1);
      const out = jsonLine(run);
      expect(out).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(out.error?.message).toContain('STREETDESK_PASSWORD');
      expect(out.error?.message).toContain('workdays override');
      expect(auditRows(file)).toEqual(before);
      expect(inspect(file, (app) => app.database.prepare("SELECT count(*) AS n FROM workday_overrides WHERE on_date = '2028-10-02'").get())).toEqual({ n: 0 });
    },
    SLOW,
  );

  it(
    'with a wrong password are refused as in the login window, and the attempt counts toward the lockout',
    async () => {
      const file = copyOfDb();
      const run = await runCli(['--db', file, '--user', 'zhangwei', 'backup', '--out', path.join(dir, 'never.db'), '--json'], { STREETDESK_PASSWORD: 'Wrong2026pass' });
      expect(run.code).toBe(1);
      const out = jsonLine(run);
      expect(out.error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: formatError({ code: 'INVALID_CREDENTIALS' }, 'zh-CN') });
      expect(fs.existsSync(path.join(dir, 'never.db'))).toBe(false);
      const user = inspect(file, (app) => app.database.prepare("SELECT failed_attempts FROM users WHERE username = 'zhangwei'").get());
      expect(user).toEqual({ failed_attempts: 1 });
      expect(auditRows(file).at(-1)).toMatchObject({ action: 'auth.loginFailed', username: 'zhangwei' });
    },
    SLOW,
  );

  it(
    "of a viewer are refused by the dispatcher with the window's own code and message",
    async () => {
      const file = copyOfDb();
      const before = auditRows(file).filter((r) => r.action !== 'auth.login');
      const run = await runCli(['--db', file, '--user', 'chakan', 'backup', '--out', path.join(dir, 'viewer.db'), '--json'], { STREETDESK_PASSWORD: USER_PASSWORD });
      expect(run.code).toBe(1);
      const out = jsonLine(run);
      // The same call in the window (the app's own dispatcher, the viewer's session) answers exactly this.
      const inWindow = await (async () => {
        const app = new StreetDeskApp({ dbPath: copyOfDb() });
        try {
          const login = await app.invoke('auth.login', { username: 'chakan', password: USER_PASSWORD });
          return await app.call('backup.create', {}, login.token);
        } finally {
          app.close();
        }
      })();
      expect(inWindow.ok).toBe(false);
      expect(out.error).toMatchObject({ code: 'FORBIDDEN' });
      expect(!inWindow.ok && out.error?.message).toBe(!inWindow.ok && formatError(inWindow.error, 'zh-CN'));
      expect(fs.existsSync(path.join(dir, 'viewer.db'))).toBe(false);
      expect(auditRows(file).filter((r) => r.action !== 'auth.login')).toEqual(before);
    },
    SLOW,
  );

  it(
    "leave audit entries naming the user who ran them, a clerk's backup and the administrator's demo street",
    async () => {
      const file = copyOfDb();
      const out = path.join(dir, 'clerk-backup.db');
      const backup = await runCli(['--db', file, '--user', 'zhangwei', 'backup', '--out', out, '--json'], { STREETDESK_PASSWORD: USER_PASSWORD });
      expect(backup.code, backup.stdout + backup.stderr).toBe(0);
      expect(fs.existsSync(out)).toBe(true);
      const seed = await runCli(['--db', file, 'seed-demo', '--members', '20', '--seed', '7', '--json'], ADMIN_ENV);
      expect(seed.code, seed.stdout + seed.stderr).toBe(0);
      expect(jsonLine(seed)).toMatchObject({ ok: true, members: 20, seed: 7 });

      const rows = auditRows(file);
      const clerkId = inspect(file, (app) => (app.database.prepare("SELECT id FROM users WHERE username = 'zhangwei'").get() as { id: number }).id);
      expect(rows.filter((r) => r.action === 'backup.create')).toEqual([{ action: 'backup.create', username: 'zhangwei', user_id: clerkId }]);
      expect(rows.filter((r) => r.action === 'demo.seed')).toEqual([{ action: 'demo.seed', username: ADMIN.username, user_id: expect.any(Number) }]);
      // Each run logged in as the window does; no entry is written under a tool's name.
      expect(rows.filter((r) => r.action === 'auth.login').map((r) => r.username)).toEqual(expect.arrayContaining(['zhangwei', ADMIN.username]));
      expect(rows.every((r) => r.username !== 'cli' && r.username !== 'system')).toBe(true);
    },
    SLOW,
  );
});

describe('a clerk limited to one community', () => {
  it(
    "cannot place members in another community through the CLI: each row is refused with the window's reason and nothing is written",
    async () => {
      const folder = path.join(dir, 'scoped');
      fs.mkdirSync(folder);
      const t = await makeApp({ dir: folder });
      await t.app.invoke('demo.seed', { members: 30, seed: 5 }, t.adminToken);
      const happy = (await t.app.invoke('communities.list', {}, t.adminToken)).find((c) => c.name === '幸福社区')!;
      await t.app.invoke('users.create', { username: 'shequ', displayName: '社区干事', role: 'clerk', password: USER_PASSWORD, scopeCommunityCode: happy.divisionCode }, t.adminToken);
      t.app.close();

      const file = await writeWorkbook(nationalRoster([memberRow(1, { branch: '和平社区党委/第1网格党支部', idNumber: citizenId('19800102', '401') })]));
      const before = inspect(t.dbPath, (app) => app.database.prepare('SELECT count(*) AS n FROM members').get());
      const run = await runCli(['--db', t.dbPath, '--user', 'shequ', 'import', 'members', file, '--json'], { STREETDESK_PASSWORD: USER_PASSWORD });
      expect(run.code).toBe(1);
      expect(jsonLine(run)).toMatchObject({ created: 0, rejected: [{ code: 'orgOutsideScope', message: '所在党支部：不属于幸福社区的党组织' }] });
      expect(inspect(t.dbPath, (app) => app.database.prepare('SELECT count(*) AS n FROM members').get())).toEqual(before);
    },
    SLOW,
  );
});

describe('--user', () => {
  it(
    'of an unknown name is refused naming the name; a read runs as the named user without a password',
    async () => {
      const unknown = await runCli(['--db', db, '--user', '李不存在', 'info', '--json']);
      expect(unknown.code).toBe(1);
      expect(jsonLine(unknown)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('李不存在') } });
      const english = await runCli(['--db', db, '--lang', 'en', '--user', 'nobody', 'info']);
      expect(english.code).toBe(1);
      expect(english.stderr).toContain('no user named “nobody”');

      // The viewer may read, but not list the users: the count is left out rather than refused.
      const info = await runCli(['--db', db, '--user', 'chakan', 'info', '--json']);
      expect(info.code, info.stdout + info.stderr).toBe(0);
      expect(jsonLine(info)).toMatchObject({ ok: true, street: { name: expect.any(String) }, counts: { users: null, auditEntries: expect.any(Number) } });
    },
    SLOW,
  );
});

describe('loginForCli', () => {
  it('without a password gives a session that reads as the user but is refused every write method', async () => {
    const file = copyOfDb();
    const app = new StreetDeskApp({ dbPath: file });
    try {
      const session = await app.loginForCli('chakan', null);
      expect(session).toMatchObject({ username: 'chakan', role: 'viewer', canWrite: false });
      expect((await session.call('street.get', {})).name).toEqual(expect.any(String));
      const admin = await app.loginForCli(null, null);
      expect(admin).toMatchObject({ username: ADMIN.username, role: 'admin', canWrite: false });
      await expect(admin.call('workdays.overrides.save', { date: '2028-10-02', kind: 'holiday' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', details: { needsPassword: true } });
      expect(app.database.prepare('SELECT count(*) AS n FROM workday_overrides').get()).toEqual({ n: 0 });
      await expect(app.loginForCli('nobody', 'Whatever2026')).rejects.toMatchObject({ code: 'NOT_FOUND', details: { username: 'nobody' } });
    } finally {
      app.close();
    }
  });
});

describe('the declarations', () => {
  it('give every command and every option help text in both languages, and no option two types', () => {
    const types = new Map<string, string>();
    for (const [name, spec] of Object.entries(GLOBAL_OPTIONS)) types.set(name, spec.type);
    for (const command of ALL_COMMANDS) {
      for (const lang of ['zh-CN', 'en'] as const) {
        expect(command.summary[lang].trim().length, `${command.name} ${lang}`).toBeGreaterThan(3);
        for (const arg of command.args ?? []) expect(arg[lang].trim(), `${command.name} argument ${lang}`).not.toBe('');
      }
      expect(command.summary['zh-CN'], command.name).not.toBe(command.summary.en);
      expect(command.summary['zh-CN'], command.name).toMatch(/[\u4e00-\u9fff]/);
      for (const [name, spec] of Object.entries(command.options)) {
        const where = `${command.name} --${name}`;
        expect(spec.help['zh-CN'].trim(), where).not.toBe('');
        expect(spec.help.en.trim(), where).not.toBe('');
        expect(spec.help['zh-CN'], where).toMatch(/[\u4e00-\u9fff]/);
        if (spec.type === 'string') expect(spec.value, `${where} placeholder`).toBeDefined();
        // One parser reads every command's options first, so a name must mean the same type everywhere.
        expect(types.get(name) ?? spec.type, where).toBe(spec.type);
        types.set(name, spec.type);
        expect(GLOBAL_OPTIONS[name], `${where} shadows a global option`).toBeUndefined();
      }
    }
  });

  it(
    "--help after a command prints that command's own options in the language asked for",
    async () => {
      const run = await runCli(['import', 'members', 'x.xlsx', '--help', '--lang', 'en']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('--map-value COLUMN=TEXT:LABEL');
      expect(run.stdout).toContain('check without writing (needs no password)');
      expect(run.stdout).toContain('STREETDESK_PASSWORD');
      expect(run.stdout).not.toContain('--district-url');
    },
    SLOW,
  );
});
