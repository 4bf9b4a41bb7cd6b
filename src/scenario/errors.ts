import { clip, problemList } from '../io/text.js';

/** One problem in a scenario: where it is, what was expected there, what was found. */
export interface ScenarioIssue {
  /** Field path, e.g. `legs[2].interception`. Empty for the whole document. */
  path: string;
  expected: string;
  found: string;
  /** 1-based line in the source file, when known. */
  line?: number;
  /** 1-based column, when known (YAML syntax errors). */
  column?: number;
}

/** Thrown when a scenario is not valid; carries every issue found, not only the first. */
export class ScenarioError extends Error {
  constructor(readonly source: string, readonly issues: ScenarioIssue[]) {
    super(formatIssues(source, issues));
    this.name = 'ScenarioError';
  }
}

export function formatIssue(source: string, issue: ScenarioIssue): string {
  const where = issue.path === '' ? '(whole file)' : clip(issue.path, 200);
  const column = issue.column !== undefined ? `, column ${issue.column}` : '';
  const line = issue.line !== undefined ? ` (line ${issue.line}${column})` : '';
  return `${source}: ${where}${line}: expected ${clip(issue.expected, 400)}, found ${clip(issue.found, 200)}`;
}

export function formatIssues(source: string, issues: ScenarioIssue[]): string {
  const head = `${source}: ${issues.length} problem${issues.length === 1 ? '' : 's'} in scenario`;
  return problemList(head, issues.map((i) => formatIssue(source, i)));
}

/** A short, human description of a value found in a file. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the text "${clip(value, 60)}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return `an object with fields ${clip(Object.keys(value).join(', '), 120) || '(none)'}`;
  return typeof value;
}
