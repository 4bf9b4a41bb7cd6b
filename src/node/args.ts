/** Bad command-line input: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

/** Positional arguments and `--name value` (or `--name=value`) options of one command. */
export class Args {
  readonly positional: string[] = [];
  private readonly options = new Map<string, string>();

  constructor(args: readonly string[], allowed: readonly string[]) {
    for (let k = 0; k < args.length; k++) {
      const a = args[k];
      if (!a.startsWith('--')) {
        this.positional.push(a);
        continue;
      }
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (!allowed.includes(name)) throw new UsageError(`unknown option --${name} (options: ${allowed.map((o) => '--' + o).join(', ') || 'none'})`);
      const value = eq < 0 ? args[++k] : a.slice(eq + 1);
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      this.options.set(name, value);
    }
  }

  text(name: string): string | undefined {
    return this.options.get(name);
  }

  wholeNumber(name: string, min: number): number | undefined {
    const text = this.options.get(name);
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min) throw new UsageError(`--${name}: expected a whole number of at least ${min}, found "${text}"`);
    return n;
  }

  positiveNumber(name: string): number | undefined {
    const text = this.options.get(name);
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

/** One `migsim <command>`. */
export interface Command {
  /** Usage lines shown in `migsim --help`. */
  readonly usage: string;
  run(args: readonly string[]): void | Promise<void>;
}
