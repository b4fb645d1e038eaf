import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { isNull } from 'drizzle-orm';
import { z } from 'zod';
import { units } from '../server/db/schema.js';
import { systemClock } from '../server/lib/clock.js';
import { systemContext } from '../server/lib/context.js';
import { createUser } from '../server/modules/identity/service.js';
import { runCommand, UsageError, withDatabase } from './run.js';

const emailSchema = z.email();

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage accounts / quản lý tài khoản');
  user
    .command('create')
    .description('create an account; --admin grants administrator over the whole city')
    .requiredOption('--email <email>', 'e-mail address used to sign in')
    .option('--name <name>', 'display name', 'Quản trị viên')
    .option('--admin', 'grant the administrator role on the city unit and its sub-tree')
    .option('--password-stdin', 'read the password from standard input (otherwise one is generated and printed)')
    .action((options: { email: string; name: string; admin?: boolean; passwordStdin?: boolean }) =>
      runCommand(async () => {
        if (!emailSchema.safeParse(options.email).success) throw new UsageError(`--email: '${options.email}' is not an e-mail address`);
        const password = options.passwordStdin ? await readStdin() : randomBytes(12).toString('base64url');
        if (password.length < 12) throw new UsageError('the password must have at least 12 characters');
        await withDatabase(async (database) => {
          const [root] = await database.db.select({ code: units.code }).from(units).where(isNull(units.parentId)).limit(1);
          if (options.admin && !root) throw new UsageError('no units yet: load them first (doimoi seed --demo)');
          const created = await createUser(systemContext(database.db, systemClock, 'cli-user-create'), {
            email: options.email,
            displayName: options.name,
            password,
            grants: options.admin && root ? [{ role: 'administrator', unitCode: root.code, includesSubtree: true }] : [],
          });
          process.stdout.write(`created user ${created.email} (${created.id})${options.admin ? ' with administrator role' : ''}\n`);
          if (!options.passwordStdin) process.stdout.write(`password: ${password}\n`);
        });
      }),
    );
}
