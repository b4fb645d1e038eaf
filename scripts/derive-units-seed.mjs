// Derives seeds/demo/units.json (commune-level part) from the official HCMC ward list
// (../shared/data/admin-units/hcmc_79_wards.json, MIT, thanglequoc/vietnamese-provinces-database v4.2.0).
// Usage: node scripts/derive-units-seed.mjs <path to hcmc_79_wards.json>
import { readFileSync, writeFileSync } from 'node:fs';

const kinds = { 3: 'ward', 4: 'commune', 5: 'special_zone' };
const source = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const city = source.find((p) => p.Code === '79');
const target = new URL('../seeds/demo/units.json', import.meta.url);
const seed = JSON.parse(readFileSync(target, 'utf8'));
seed.communeLevel = city.Wards.map((w) => {
  const kind = kinds[w.AdministrativeUnitId];
  if (!kind) throw new Error(`unknown AdministrativeUnitId ${w.AdministrativeUnitId} for ${w.Code}`);
  return { code: w.Code, nameVi: w.FullName, nameEn: w.FullNameEn, kind };
});
writeFileSync(target, `${JSON.stringify(seed, null, 1)}\n`);
console.log(`wrote ${seed.communeLevel.length} commune-level units to ${target.pathname}`);
