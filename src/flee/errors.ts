/** One problem in a Flee scenario or settings file: where it is, what was expected there, what was found. */
export interface FleeIssue {
  /** Path of the file within the scenario folder, e.g. `input_csv/routes.csv`; empty when the source is itself the file. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Column of a CSV file the problem is in, when it is in one. */
  column?: string;
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
    issue.line !== undefined ? `line ${issue.line}` : '',
    issue.column !== undefined ? `column "${issue.column}"` : '',
    issue.key !== undefined ? `key "${issue.key}"` : '',
  ].filter((w) => w !== '');
  return `${where.join(', ') || '(the whole input)'}: expected ${issue.expected}, found ${issue.found}`;
}

function formatFleeIssues(source: string, issues: FleeIssue[]): string {
  const head = `${source}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in Flee input`;
  return [head, ...issues.map((i) => '  ' + formatFleeIssue(i))].join('\n');
}

/** Collects issues while reading, so one error can report them all. */
export class FleeIssues {
  readonly list: FleeIssue[] = [];

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
  return text === '' ? 'an empty cell' : `"${text.length > 60 ? text.slice(0, 57) + '...' : text}"`;
}
