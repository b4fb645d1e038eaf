import { Command } from 'commander';
import { version } from '../server/version.js';
import { registerBackup } from './backup.js';
import { registerImport } from './import.js';
import { registerMigrate } from './migrate.js';
import { registerOps } from './ops.js';
import { registerSeed } from './seed.js';
import { registerServe } from './serve.js';
import { registerUser } from './user.js';

const program = new Command('doimoi')
  .description('doimoi — nền tảng đổi mới sáng tạo và chuyển đổi số / innovation and digital-transformation platform')
  .version(version)
  .showHelpAfterError()
  .configureHelp({ showGlobalOptions: true })
  .addHelpText('after', '\nConfiguration comes from environment variables; see the README.');

registerServe(program);
registerMigrate(program);
registerSeed(program);
registerUser(program);
registerBackup(program);
registerOps(program);
registerImport(program);

await program.parseAsync(process.argv);
