import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsDir } from '../../lib/paths.js';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { as, signIn } from '../../../../tests/support/sessions.js';
import { demoPassword } from './seed.js';

type DemoAccount = { email: string; grants: Array<{ role: string; unitCode: string }> };
const demoAccounts = (JSON.parse(readFileSync(join(seedsDir, 'demo', 'accounts.json'), 'utf8')) as { accounts: DemoAccount[] }).accounts;

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('demo accounts', () => {
  it('has one account for every role', () => {
    const roles = new Set(demoAccounts.flatMap((account) => account.grants.map((grant) => grant.role)));
    expect([...roles].sort()).toEqual(['administrator', 'leader', 'programme_manager', 'registered_user', 'reviewer', 'unit_officer']);
  });

  it.each(demoAccounts.map((account) => [account.email, account] as const))('signs in %s with the demo password and the roles of the seed file', async (email, account) => {
    const browser = await signIn(t.app, email, demoPassword, `10.9.${demoAccounts.indexOf(account)}.1`);
    const needsSecondFactor = account.grants.some((grant) => grant.role === 'administrator' || grant.role === 'programme_manager');
    const me = (await as(t.app, browser)({ method: 'GET', url: '/api/account' })).json();
    expect(me.mustEnrolSecondFactor).toBe(needsSecondFactor);
    expect(me.grants.map((grant: { role: string; unitCode: string }) => `${grant.role}@${grant.unitCode}`)).toEqual(account.grants.map((grant) => `${grant.role}@${grant.unitCode}`));
  });
});

describe('demo units', () => {
  it('are the 16 departments in force since October 2025, each agency under its parent, and the 168 commune-level units', async () => {
    const { items } = (await t.app.inject({ method: 'GET', url: '/api/units' })).json() as { items: Array<{ id: string; code: string; kind: string; parentId: string | null }> };
    const byCode = new Map(items.map((unit) => [unit.code, unit]));
    const parentOf = (code: string) => items.find((unit) => unit.id === byCode.get(code)?.parentId)?.code;
    const departments = items.filter((unit) => unit.kind === 'department').map((unit) => unit.code);
    expect(departments.sort()).toEqual(['VPUBND', 'TTTP', 'SNV', 'STP', 'STC', 'SXD', 'SQHKT', 'SNNMT', 'SKHCN', 'SCT', 'SGDDT', 'SYT', 'SATTP', 'SVHTT', 'SDL', 'SDTTG'].sort());
    expect(byCode.has('SNGV')).toBe(false);
    expect([parentOf('SIHUB'), parentOf('BTDKT'), parentOf('TTPVHCC')]).toEqual(['SKHCN', 'SNV', 'VPUBND']);
    for (const code of departments) expect(parentOf(code)).toBe('79');
    expect(items.filter((unit) => ['ward', 'commune', 'special_zone'].includes(unit.kind))).toHaveLength(168);
  });
});
