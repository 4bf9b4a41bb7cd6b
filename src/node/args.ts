/** Bad command-line input: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

/**
 * Positional arguments, `--name value` (or `--name=value`) options of one
 * command, which may be repeated, and `--name` switches, which take no value.
 */
export class Args {
  readonly positional: string[] = [];
  private readonly options = new Map<string, string[]>();
  private readonly switches = new Set<string>();

  constructor(args: readonly string[], allowed: readonly string[], switches: readonly string[] = []) {
    for (let k = 0; k < args.length; k++) {
      const a = args[k];
      if (!a.startsWith('--')) {
        this.positional.push(a);
        continue;
      }
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (switches.includes(name) && eq < 0) {
        this.switches.add(name);
        continue;
      }
      if (!allowed.includes(name)) throw new UsageError(`unknown option --${name} (options: ${[...allowed, ...switches].map((o) => '--' + o).join(', ') || 'none'})`);
      const value = eq < 0 ? args[++k] : a.slice(eq + 1);
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      this.options.set(name, [...(this.options.get(name) ?? []), value]);
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
