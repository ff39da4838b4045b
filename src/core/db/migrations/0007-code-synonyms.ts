// Frozen: the words clerks write for a coded value (本科 for 大学本科, 汉 for 汉族, 中专 for 中等专科), kept
// in the database so a word a clerk maps once in an import is known to every later import, grid edit and
// paste. 'builtin' rows come with the program; 'user' rows are a clerk's mappings, which the administrator
// reviews in settings. Also adds 研究生 (GB/T 4658 code 10), which clerks write when the record does not
// say whether it was a master's or a doctorate. Never edit a migration that has shipped; add a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';

const BUILTIN: Record<'ethnicity' | 'education' | 'occupation', [string, string][]> = {
  ethnicity: [],
  education: [
    ['博士', '11'],
    ['博士研究生毕业', '11'],
    ['硕士', '14'],
    ['硕士研究生毕业', '14'],
    ['研究生毕业', '10'],
    ['大学', '21'],
    ['本科', '21'],
    ['大本', '21'],
    ['大学本科毕业', '21'],
    ['本科毕业', '21'],
    ['专科', '31'],
    ['大专', '31'],
    ['大学专科毕业', '31'],
    ['大专毕业', '31'],
    ['中专', '41'],
    ['中等专科毕业', '41'],
    ['中专毕业', '41'],
    ['中等专业学校', '41'],
    ['中技', '41'],
    ['技工学校', '41'],
    ['技校', '41'],
    ['职高', '61'],
    ['职业高中', '61'],
    ['高中毕业', '61'],
    ['普通高中', '61'],
    ['初中毕业', '71'],
    ['小学毕业', '81'],
  ],
  occupation: [
    ['离休', '4010'],
    ['退休', '4020'],
    ['退休干部', '4020'],
    ['退休职工', '4020'],
    ['离退休人员', '4020'],
    ['在校学生', '3000'],
    ['农民', '1000'],
    ['牧民', '1000'],
    ['渔民', '1000'],
    ['个体', '0251'],
    ['个体户', '0251'],
    ['自由职业', '0261'],
    ['自由职业者', '0261'],
    ['社区干部', '0241'],
    ['社区工作人员', '0241'],
    ['现役军人', '2000'],
    ['下岗', '5010'],
    ['失业', '5010'],
    ['失业人员', '5010'],
    ['下岗职工', '5010'],
  ],
};

export function up(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE code_synonyms (
      code_table TEXT NOT NULL CHECK (code_table IN ('ethnicity', 'education', 'occupation')),
      text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 60),
      code TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('builtin', 'user')),
      created_by TEXT,
      created_at TEXT NOT NULL,
      PRIMARY KEY (code_table, text),
      FOREIGN KEY (code_table, code) REFERENCES code_items (code_table, code)
    ) STRICT;
  `);
  const at = new Date(0).toISOString();
  const sort = db.prepare("SELECT coalesce(max(sort_order), 0) AS s FROM code_items WHERE code_table = 'education' AND code < '11'").get() as { s: number };
  db.prepare("INSERT OR IGNORE INTO code_items (code_table, code, label, sort_order) VALUES ('education', '10', '研究生', ?)").run(sort.s);
  const insert = db.prepare("INSERT OR IGNORE INTO code_synonyms (code_table, text, code, source, created_at) VALUES (?, ?, ?, 'builtin', ?)");
  const exists = db.prepare('SELECT 1 FROM code_items WHERE code_table = ? AND code = ?');
  // Each nationality written without 族 (汉, 蒙古, 维吾尔), as the national system's own lists and most
  // rosters write it; 其他 and 外国血统 are left as they are.
  const ethnicities = db.prepare("SELECT code, label FROM code_items WHERE code_table = 'ethnicity' AND label LIKE '%族'").all() as { code: string; label: string }[];
  for (const e of ethnicities) insert.run('ethnicity', e.label.slice(0, -1), e.code, at);
  for (const [table, words] of Object.entries(BUILTIN)) {
    for (const [text, code] of words) if (exists.get(table, code)) insert.run(table, text, code, at);
  }
}
