/** The kinds of caller the access-control matrix tries every route with. */
export const callers = [
  'anonymous',
  'registered user',
  'registered user, e-mail not verified',
  'unit officer (own unit)',
  'unit officer of another unit',
  'reviewer',
  'leader',
  'programme manager',
  'administrator without second factor',
  'administrator',
] as const;
export type Caller = (typeof callers)[number];

/** What a module adds to the matrix: each route's policy name, and who passes any policy it defines. */
export type RouteTable = {
  routes: Record<string, string>;
  policies?: Record<string, (caller: Caller) => boolean>;
};
