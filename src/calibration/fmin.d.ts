// fmin ships no types; only what migsim uses of it.
declare module 'fmin' {
  export function nelderMead(f: (x: number[]) => number, x0: number[], parameters?: { maxIterations?: number; zeroDelta?: number; nonZeroDelta?: number; minErrorDelta?: number }): { x: number[]; fx: number };
}
