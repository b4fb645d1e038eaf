import { Command } from 'commander';
import { version } from '../server/version.js';

const program = new Command('doimoi')
  .description('doimoi — nền tảng đổi mới sáng tạo và chuyển đổi số / innovation and digital-transformation platform')
  .version(version)
  .showHelpAfterError()
  .configureHelp({ showGlobalOptions: true })
  .addHelpText('after', '\nConfiguration comes from environment variables; see the README.');

type Register = (program: Command) => void;
const serve = async (): Promise<Register> => (await import('./serve.js')).registerServe;
const migrate = async (): Promise<Register> => (await import('./migrate.js')).registerMigrate;
const seed = async (): Promise<Register> => (await import('./seed.js')).registerSeed;
const user = async (): Promise<Register> => (await import('./user.js')).registerUser;
const backup = async (): Promise<Register> => (await import('./backup.js')).registerBackup;
const ops = async (): Promise<Register> => (await import('./ops.js')).registerOps;
const importing = async (): Promise<Register> => (await import('./import.js')).registerImport;

/**
 * Each command's module by the command's name, loaded only for that command: the server's code is
 * heavy, and `doimoi audit verify` needs none of it. The list of commands (help, an unknown name) loads them all.
 */
const modulesByCommand: Record<string, () => Promise<Register>> = {
  serve,
  migrate,
  seed,
  user,
  backup,
  restore: backup,
  jobs: ops,
  audit: ops,
  import: importing,
};
const named = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const loaders =
  named !== undefined && named in modulesByCommand ? [modulesByCommand[named]!] : [serve, migrate, seed, user, backup, ops, importing];
for (const load of loaders) (await load())(program);

await program.parseAsync(process.argv);
