// The validation rules shared by the forms, the Excel importer and core: one module to import them from.
// Every failure names a problem key of FIELD_PROBLEMS in shared/i18n, with params its text needs.
export * from './citizen-id';
export * from './credit-code';
export * from './loose-date';
export * from './masking';
export * from './names';
export * from './phone';
