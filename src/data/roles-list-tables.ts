/**
 * The tables the roles list is drawn from: a write to one changes what it shows. A module of its
 * own, so the database's code names them without the first screen's read.
 */
export const ROLES_LIST_TABLES = ['roles', 'candidates', 'debriefs'] as const;
