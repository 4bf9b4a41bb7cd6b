import { parseArgs } from 'node:util';

/** Bad command-line input: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

/**
 * Positional arguments, `--name value` (or `--name=value`) options of one
 * command, which may be repeated, and `--name` switches, which take no value.
 * Parsed by Node's own `util.parseArgs` (strict: unknown options are errors;
 * `--` ends the options), with errors reworded to name what is accepted.
 */
export class Args {
  readonly positional: string[] = [];
  private readonly options = new Map<string, string[]>();
  private readonly switches = new Set<string>();

  constructor(args: readonly string[], allowed: readonly string[], switches: readonly string[] = []) {
    const known = [...allowed, ...switches].map((o) => '--' + o).join(', ') || 'none';
    // `--seed -1` means the value "-1" (reported as out of range), not a missing value: join it as parseArgs wants.
    const joined: string[] = [];
    for (let k = 0; k < args.length; k++) {
      const name = args[k].startsWith('--') ? args[k].slice(2) : undefined;
      if (name !== undefined && allowed.includes(name) && k + 1 < args.length) joined.push(`--${name}=${args[++k]}`);
      else joined.push(args[k]);
    }
    const config: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
    for (const o of allowed) config[o] = { type: 'string', multiple: true };
    for (const o of switches) config[o] = { type: 'boolean' };
    let parsed: { values: Record<string, string[] | boolean | undefined>; positionals: string[] };
    try {
      parsed = parseArgs({ args: joined, options: config, strict: true, allowPositionals: true }) as typeof parsed;
    } catch (e) {
      const option = /'(-[^' ]+)/.exec((e as Error).message)?.[1] ?? '';
      const code = (e as { code?: string }).code;
      if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option} (options: ${known})`);
      if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && switches.includes(option.replace(/^--/, '').split('=')[0])) throw new UsageError(`${option.split('=')[0]} is a switch and takes no value`);
      if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${option.split('=')[0]} needs a value`);
      throw new UsageError((e as Error).message);
    }
    this.positional.push(...parsed.positionals);
    for (const [name, value] of Object.entries(parsed.values)) {
      if (value === true) this.switches.add(name);
      else if (Array.isArray(value)) this.options.set(name, value);
    }
  }

  /** The option's value (the last one, if given more than once). */
  text(name: string): string | undefined {
    return this.options.get(name)?.at(-1);
  }

  /** Every value of an option given more than once, in order. */
  all(name: string): string[] {
    return this.options.get(name) ?? [];
  }

  /** Whether a switch was given. */
  has(name: string): boolean {
    return this.switches.has(name);
  }

  wholeNumber(name: string, min: number): number | undefined {
    const text = this.text(name);
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min) throw new UsageError(`--${name}: expected a whole number of at least ${min}, found "${text}"`);
    return n;
  }

  positiveNumber(name: string): number | undefined {
    const text = this.text(name);
    if (text === undefined) return undefined;
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`--${name}: expected a number above 0, found "${text}"`);
    return n;
  }

  /** Exactly `count` positional arguments, named in the error if not. */
  exactly(count: number, what: string): string[] {
    if (this.positional.length !== count) throw new UsageError(`expected ${what}, found ${this.positional.length} argument${this.positional.length === 1 ? '' : 's'}`);
    return this.positional;
  }
}

/** One `migsim <command>` (its usage lines are in commands/index.ts). */
export interface Command {
  /** Returns an exit code other than 0 when it stopped without failing (130: interrupted). */
  run(args: readonly string[]): void | number | Promise<void | number>;
}
