import { clip, problemList } from '../io/text.js';

/** One problem in a Flee scenario or settings file: where it is, what was expected there, what was found. */
export interface FleeIssue {
  /** Path of the file within the scenario folder, e.g. `input_csv/routes.csv`; empty when the source is itself the file. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Column of a CSV file the problem is in, when it is in one. */
  column?: string;
  /** 1-based character column of a YAML file, when known. */
  col?: number;
  /** Key of a YAML file (`move_rules.softening`) the problem is in, when it is in one. */
  key?: string;
  expected: string;
  found: string;
}

/**
 * Thrown when a Flee scenario or settings file cannot be read as written;
 * carries every issue found, not only the first. Flee itself reads by position
 * and carries on; we stop and say where.
 */
export class FleeFormatError extends Error {
  constructor(readonly source: string, readonly issues: FleeIssue[]) {
    super(formatFleeIssues(source, issues));
    this.name = 'FleeFormatError';
  }
}

export function formatFleeIssue(issue: FleeIssue): string {
  const where = [
    issue.file,
    issue.line !== undefined ? `line ${issue.line}${issue.col !== undefined ? `, column ${issue.col}` : ''}` : '',
    issue.column !== undefined ? `column "${issue.column}"` : '',
    issue.key !== undefined ? `key "${issue.key}"` : '',
  ].filter((w) => w !== '');
  return `${where.join(', ') || '(the whole input)'}: expected ${clip(issue.expected, 400)}, found ${clip(issue.found, 300)}`;
}

function formatFleeIssues(source: string, issues: FleeIssue[]): string {
  const head = `${source}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in Flee input`;
  return problemList(head, issues.map((i) => formatFleeIssue(i)));
}

/** How lenient a reader of Flee files is. */
export interface FleeReadOptions {
  /**
   * Where warnings go: what the reader accepted from Flee's habits, saying
   * what it did (a route listed twice merged, a no-op closure skipped...).
   * Without it, or with `strict`, every warning is an error.
   */
  warnings?: FleeIssue[];
  strict?: boolean;
}

/** Collects issues while reading, so one error can report them all. */
export class FleeIssues {
  readonly list: FleeIssue[] = [];
  private readonly warnings: FleeIssue[] = [];

  constructor(private readonly options: FleeReadOptions = {}) {}

  /** Records something read leniently; an error when reading strictly. */
  warn(issue: FleeIssue): void {
    this.warnings.push(issue);
  }

  /** Hands the warnings to the caller or, when strict, makes them errors; then throws every error, if any. */
  finish(source: string): void {
    if (this.options.warnings && !this.options.strict) this.options.warnings.push(...this.warnings);
    else this.list.push(...this.warnings);
    this.warnings.length = 0;
    this.throwIfAny(source);
  }

  /** Records an issue; returns false, so a reader can write `ok = issues.add(...)`. */
  add(file: string, line: number | undefined, column: string | undefined, expected: string, found: string): false {
    this.list.push({ file, line, column, expected, found });
    return false;
  }

  /** The error carrying every issue collected so far. */
  error(source: string): FleeFormatError {
    return new FleeFormatError(source, this.list);
  }

  /** Throws every issue collected so far, if there is any. */
  throwIfAny(source: string): void {
    if (this.list.length > 0) throw this.error(source);
  }
}

/** A cell's text as printed in an issue. */
export function quoted(text: string): string {
  return text === '' ? 'an empty cell' : `"${clip(text, 60)}"`;
}
