/**
 * Why each failing fact fails: the mechanism traced in the code, written by
 * hand after reading the runs (bench/results/validation.md prints the line of
 * each fact that fails). A fact that passes needs none; a line here never
 * changes a result.
 */
export const DIAGNOSES: Readonly<Record<string, string>> = {
};
