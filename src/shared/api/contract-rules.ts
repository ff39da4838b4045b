// Two rules every write declares in its spec, so a new method cannot leave them out (the contract's type
// refuses a write: true spec without them). The finalized-month freeze: which months a write touches.
// The community scope: whose record it is. Declarations that need the database (which member, which
// request) are functions in core's table (src/core/write-rules.ts) — src/shared never imports core — and
// the dispatcher (src/core/app.ts) enforces both before the handler runs.

/**
 * 'dated': the write sets or moves dates of records a month's return counts; core's table says which
 * (from the input, or the record as it is). `none`: it touches no dated record of the return, and why.
 */
export type FreezeDecl = 'dated' | { readonly none: string };

/**
 * 'record': the record belongs to a community (an organization's, a member's, a request's); core's table
 * says which. `street`: a street-wide record (or the caller's own account) that any user of the method's
 * role may change, and why. `wholeStreet`: street-level work a user limited to one community never does,
 * refused naming `field` with the problem `wholeStreet` (a message key of the catalogs).
 */
export type ScopeDecl = 'record' | { readonly street: string } | WholeStreetDecl;
export interface WholeStreetDecl {
  readonly wholeStreet: string;
  readonly field: string;
}

// Declarations many methods share.

/** The caller's own account (password, language, layouts …): nobody else's record, no month of the return. */
export const OWN_ACCOUNT = {
  freeze: { none: "the caller's own account is not counted in any return" },
  scope: { street: "the caller's own account" },
} as const;

/** Administration of the program (users, settings, keys, backups): street-wide, not counted in a return. */
export const ADMINISTRATION = {
  freeze: { none: 'the program’s administration is not counted in any return' },
  scope: { street: 'administration of the whole program (administrators are never limited to a community)' },
} as const;

/** The district's own work on its database: no street's month or community is touched. */
export const DISTRICT_WORK = {
  freeze: { none: "a district database has no returns of its own; the streets' are read, never changed" },
  scope: { street: 'the district works above the streets and their communities' },
} as const;

/** The city level's work (a district's package for the city, the city's receiving): no street's month or community is touched. */
export const CITY_WORK = {
  freeze: { none: "a district or city database has no returns of its own; the streets' figures are read, never changed" },
  scope: { street: 'the district and the city work above the streets and their communities' },
} as const;

/** A street-wide table the service counter reads as it is now (catalog, teams, merchants). */
export const STREET_TABLE = {
  freeze: { none: 'a street-wide table the return reads as it is now, not by month' },
  scope: { street: 'shared by the whole street: every clerk works with it' },
} as const;

/** The monthly return is the street's: a user limited to one community reads it but never changes it. */
export const RETURN_WORK = {
  freeze: { none: "the return's own states govern its month (a finalized return is reopened, never edited)" },
  scope: { wholeStreet: 'returnIsStreets', field: 'period' },
} as const;
