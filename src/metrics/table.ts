/** A plain table of results: named columns, rows in tick order. */
export interface Table {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: Array<Array<string | number>>;
}

export function column(table: Table, name: string): Array<string | number> {
  const k = table.columns.indexOf(name);
  if (k < 0) throw new Error(`table ${table.name} has no column "${name}" (columns: ${table.columns.join(', ')})`);
  return table.rows.map((r) => r[k]);
}

/** Sum of a numeric column over the rows that match a filter on other columns. */
export function total(table: Table, name: string, where: Record<string, string> = {}): number {
  const k = table.columns.indexOf(name);
  if (k < 0) throw new Error(`table ${table.name} has no column "${name}" (columns: ${table.columns.join(', ')})`);
  const filters = Object.entries(where).map(([c, v]) => {
    const j = table.columns.indexOf(c);
    if (j < 0) throw new Error(`table ${table.name} has no column "${c}"`);
    return [j, v] as const;
  });
  let sum = 0;
  for (const row of table.rows) if (filters.every(([j, v]) => row[j] === v)) sum += Number(row[k]);
  return sum;
}

/** A table's rows as records keyed by column name, for a notebook's display or a data frame. */
export function records(table: Table): Array<Record<string, string | number>> {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, k) => [c, row[k]])));
}
