// Frozen: communities and grids, the Party organization tree with its officers, the members' archive
// with its history, transfers of membership, editable code tables, and per-user grid layouts.
// Never edit a migration that has shipped; add a new one.
import type { Database as SqliteDatabase } from 'better-sqlite3';

/** A calendar day, YYYY-MM-DD. */
const day = (col: string) => `${col} TEXT CHECK (${col} IS NULL OR ${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')`;
/** A day, or a month when the source gave only the month (never a made-up day): YYYY-MM. */
const dayOrMonth = (col: string) =>
  `${col} TEXT CHECK (${col} IS NULL OR ${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]' OR ${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')`;
const flag = (col: string) => `${col} INTEGER NOT NULL DEFAULT 0 CHECK (${col} IN (0, 1))`;
const stamps = 'created_at TEXT NOT NULL, updated_at TEXT NOT NULL';

const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
];

/** Defaults the administrator edits (docs/domain.md §2: the 4-digit occupation codes are unverified). */
const CODE_TABLES: Record<string, [string, string][]> = {
  ethnicity: [
    ...ETHNICITIES.map((label, i): [string, string] => [String(i + 1).padStart(2, '0'), label]),
    ['97', '其他'],
    ['98', '外国血统中国籍人士'],
  ],
  education: [
    ['11', '博士研究生'],
    ['14', '硕士研究生'],
    ['21', '大学本科'],
    ['31', '大学专科'],
    ['41', '中等专科'],
    ['61', '高中'],
    ['71', '初中'],
    ['81', '小学'],
    ['90', '其他'],
  ],
  occupation: [
    ['0111', '公务员'],
    ['0121', '事业单位管理人员'],
    ['0122', '事业单位专业技术人员'],
    ['0131', '国有企业管理人员'],
    ['0132', '国有企业专业技术人员'],
    ['0139', '公有制单位工勤技能人员'],
    ['0211', '非公有制企业管理人员'],
    ['0212', '非公有制企业专业技术人员'],
    ['0213', '非公有制单位工勤技能人员'],
    ['0221', '社会组织从业人员'],
    ['0231', '农民工'],
    ['0241', '社区工作者'],
    ['0251', '个体工商户'],
    ['0261', '自由职业人员'],
    ['1000', '农牧渔民'],
    ['2000', '解放军、武警现役人员'],
    ['3000', '学生'],
    ['4010', '离休干部'],
    ['4020', '退休人员'],
    ['5010', '下岗失业人员'],
    ['5090', '其他'],
  ],
};

export function up(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE communities (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      division_code TEXT NOT NULL UNIQUE CHECK (length(division_code) = 12),
      households INTEGER CHECK (households IS NULL OR households >= 0),
      population INTEGER CHECK (population IS NULL OR population >= 0),
      office_area REAL CHECK (office_area IS NULL OR office_area >= 0),
      activity_area REAL CHECK (activity_area IS NULL OR activity_area >= 0),
      ${day('closed_on')},
      ${stamps}
    ) STRICT;

    CREATE TABLE grids (
      id INTEGER PRIMARY KEY,
      community_id INTEGER NOT NULL REFERENCES communities (id),
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('block', 'building', 'unit')),
      coverage TEXT NOT NULL DEFAULT '',
      ${day('closed_on')},
      ${stamps}
    ) STRICT;
    CREATE UNIQUE INDEX grids_open_name ON grids (community_id, name) WHERE closed_on IS NULL;

    CREATE TABLE organizations (
      id INTEGER PRIMARY KEY,
      parent_id INTEGER REFERENCES organizations (id),
      name TEXT NOT NULL,
      level TEXT NOT NULL CHECK (level IN ('street_committee', 'community_committee', 'general_branch', 'branch', 'party_group')),
      category TEXT NOT NULL CHECK (category IN ('regional', 'functional', 'interest', 'enterprise', 'social_org')),
      community_id INTEGER REFERENCES communities (id),
      grid_id INTEGER REFERENCES grids (id),
      ${flag('has_committee')},
      ${day('term_start')},
      ${day('term_end')},
      sort_order INTEGER NOT NULL DEFAULT 0,
      ${day('closed_on')},
      closed_reason TEXT,
      ${stamps},
      CHECK ((parent_id IS NULL) = (level = 'street_committee'))
    ) STRICT;
    CREATE INDEX organizations_parent ON organizations (parent_id, sort_order);
    CREATE UNIQUE INDEX organizations_open_name ON organizations (parent_id, name) WHERE closed_on IS NULL;

    CREATE TABLE members (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      name_initials TEXT NOT NULL,
      name_pinyin TEXT NOT NULL,
      sex INTEGER NOT NULL CHECK (sex IN (1, 2)),
      ethnicity TEXT,
      id_number TEXT NOT NULL CHECK (length(id_number) = 18),
      ${day('birth_date')} NOT NULL,
      education TEXT,
      category TEXT NOT NULL CHECK (category IN ('full', 'probationary')),
      org_id INTEGER NOT NULL REFERENCES organizations (id),
      ${dayOrMonth('join_date')},
      ${dayOrMonth('full_date')},
      occupation TEXT,
      phone TEXT,
      address TEXT,
      standing TEXT NOT NULL DEFAULT 'normal' CHECK (standing IN ('normal', 'suspended')),
      ${flag('lost_contact')},
      ${dayOrMonth('lost_contact_since')},
      lost_contact_reason TEXT,
      ${flag('mobile')},
      mobile_destination TEXT,
      mobile_reason TEXT,
      ${dayOrMonth('mobile_since')},
      mobile_contact TEXT,
      grid_id INTEGER REFERENCES grids (id),
      building TEXT,
      unit TEXT,
      room TEXT,
      work_unit TEXT,
      ${flag('in_service_registered')},
      employer_org TEXT,
      ${flag('hardship')},
      skills TEXT,
      ${flag('volunteer')},
      native_place TEXT,
      ${dayOrMonth('work_start_date')},
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'history')),
      ${day('left_on')},
      left_reason TEXT CHECK (left_reason IS NULL OR left_reason IN ('death', 'transfer_out', 'struck_off', 'left', 'other')),
      left_note TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      ${stamps},
      CHECK (category = 'full' OR full_date IS NULL),
      CHECK ((status = 'history') = (left_on IS NOT NULL AND left_reason IS NOT NULL))
    ) STRICT;
    CREATE UNIQUE INDEX members_id_number ON members (id_number);
    CREATE INDEX members_org_join ON members (org_id, status, join_date);
    CREATE INDEX members_status_join ON members (status, join_date);
    CREATE INDEX members_initials ON members (name_initials);
    CREATE INDEX members_pinyin ON members (name_pinyin);
    CREATE INDEX members_name ON members (name);
    CREATE INDEX members_phone ON members (phone);
    CREATE INDEX members_grid ON members (grid_id);

    CREATE TABLE member_events (
      id INTEGER PRIMARY KEY,
      member_id INTEGER NOT NULL REFERENCES members (id),
      kind TEXT NOT NULL,
      ${dayOrMonth('on_date')} NOT NULL,
      detail TEXT,
      recorded_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX member_events_member ON member_events (member_id, on_date);

    CREATE TABLE org_officers (
      id INTEGER PRIMARY KEY,
      org_id INTEGER NOT NULL REFERENCES organizations (id),
      role TEXT NOT NULL CHECK (role IN ('secretary', 'deputy_secretary', 'committee_member', 'group_leader', 'part_time')),
      person_name TEXT NOT NULL,
      member_id INTEGER REFERENCES members (id),
      part_time_kind TEXT CHECK (part_time_kind IS NULL OR part_time_kind IN ('unit_leader', 'police', 'cadre', 'other')),
      duty TEXT NOT NULL DEFAULT '',
      ${day('term_start')},
      ${day('term_end')},
      ${stamps}
    ) STRICT;
    CREATE INDEX org_officers_org ON org_officers (org_id);

    CREATE TABLE transfers (
      id INTEGER PRIMARY KEY,
      direction TEXT NOT NULL CHECK (direction IN ('in', 'out', 'within')),
      letter_number TEXT NOT NULL,
      member_id INTEGER REFERENCES members (id),
      member_name TEXT NOT NULL,
      member_id_number TEXT NOT NULL CHECK (length(member_id_number) = 18),
      member_category TEXT NOT NULL CHECK (member_category IN ('full', 'probationary')),
      from_org_id INTEGER REFERENCES organizations (id),
      from_org_name TEXT NOT NULL,
      to_org_id INTEGER REFERENCES organizations (id),
      to_org_name TEXT NOT NULL,
      ${day('issued_on')} NOT NULL,
      valid_days INTEGER NOT NULL CHECK (valid_days BETWEEN 1 AND 92),
      dues_paid_to TEXT CHECK (dues_paid_to IS NULL OR dues_paid_to GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
      status TEXT NOT NULL CHECK (status IN ('issued', 'received', 'receipt_returned', 'expired', 'cancelled')),
      ${day('received_on')},
      ${day('receipt_returned_on')},
      ${day('cancelled_on')},
      cancel_reason TEXT,
      note TEXT,
      ${stamps}
    ) STRICT;
    CREATE UNIQUE INDEX transfers_letter ON transfers (direction, letter_number);
    CREATE INDEX transfers_status ON transfers (status, issued_on);
    CREATE INDEX transfers_member ON transfers (member_id);

    CREATE TABLE code_items (
      code_table TEXT NOT NULL CHECK (code_table IN ('ethnicity', 'education', 'occupation')),
      code TEXT NOT NULL,
      label TEXT NOT NULL,
      sort_order INTEGER NOT NULL,
      ${flag('retired')},
      PRIMARY KEY (code_table, code)
    ) STRICT;

    CREATE TABLE grid_layouts (
      user_id INTEGER NOT NULL REFERENCES users (id),
      grid TEXT NOT NULL,
      name TEXT NOT NULL,
      layout TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (user_id, grid, name)
    ) STRICT;
  `);

  // A street set up before this migration gets its working committee as the root of the tree.
  db.exec(`
    INSERT INTO organizations (parent_id, name, level, category, sort_order, created_at, updated_at)
    SELECT NULL, name || '党工委', 'street_committee', 'regional', 0, updated_at, updated_at FROM street;
  `);

  const insert = db.prepare('INSERT INTO code_items (code_table, code, label, sort_order) VALUES (?, ?, ?, ?)');
  for (const [table, items] of Object.entries(CODE_TABLES)) {
    items.forEach(([code, label], i) => insert.run(table, code, label, i + 1));
  }
}
