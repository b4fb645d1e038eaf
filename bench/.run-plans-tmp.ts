import { plansScorecardsOnPostgres } from './plans.js';
import { rows } from './support.js';
await plansScorecardsOnPostgres();
for (const r of rows) console.log(`${r.name} | ${r.measured} | ${r.baseline} | ${r.ratio.toFixed(2)} | ${r.target}`);
