/**
 * `npm run apikey -- create --name partner-x --role editor` prints a new key once;
 * `npm run apikey -- list` shows the keys (never the keys themselves); `npm run apikey -- revoke --id <id>`.
 */
import { migrate } from '../db/migrations';
import { ApiKeyRepository } from '../modules/auth/api-key.repository';
import { ROLES, type Role } from '../shared/principal';
import { CliError, withDatabase } from './with-database';

const USAGE =
  'usage: npm run apikey -- create --name <name> --role reader|editor|admin | list | revoke --id <id>';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Checks the command line before any database starts; throws CliError with one sentence. */
export function parseApiKeyArgs(
  argv: string[],
):
  | { command: 'create'; name: string; role: Role }
  | { command: 'list' }
  | { command: 'revoke'; id: string } {
  const [command] = argv;
  if (command === 'list') return { command };
  if (command === 'create') {
    const name = option(argv, '--name');
    const role = option(argv, '--role');
    if (!name || !/^[\w.-]{1,64}$/.test(name))
      throw new CliError(
        `--name must be 1 to 64 letters, digits, dots, dashes or underscores. ${USAGE}`,
      );
    if (!role || !(ROLES as readonly string[]).includes(role))
      throw new CliError(`--role must be one of ${ROLES.join(', ')}. ${USAGE}`);
    return { command, name, role: role as Role };
  }
  if (command === 'revoke') {
    const id = option(argv, '--id');
    if (!id) throw new CliError(`revoke needs --id. ${USAGE}`);
    return { command, id };
  }
  throw new CliError(USAGE);
}

if (require.main === module) {
  let args: ReturnType<typeof parseApiKeyArgs> | undefined;
  try {
    args = parseApiKeyArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`apikey: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
  if (args) {
    const parsed = args;
    void withDatabase('apikey', async (db) => {
      await migrate(db);
      const repo = new ApiKeyRepository(db);
      if (parsed.command === 'create') {
        const { id, key } = await repo.create(parsed.name, parsed.role);
        process.stdout.write(`${key}\n`);
        process.stderr.write(
          `API key ${id} (${parsed.name}, ${parsed.role}) created; the key above is shown only now.\n`,
        );
      } else if (parsed.command === 'list') {
        for (const k of await repo.list())
          process.stdout.write(
            `${k.id}  ${k.prefix}…  ${k.role.padEnd(6)}  ${k.name}  created ${k.createdAt}${k.revokedAt ? `  revoked ${k.revokedAt}` : ''}\n`,
          );
      } else if (!(await repo.revoke(parsed.id))) {
        throw new CliError(`no live API key has the id ${parsed.id}`);
      } else {
        process.stdout.write(`revoked ${parsed.id}\n`);
      }
    });
  }
}
