// seedrandom's Alea on its own (its index loads every generator); the package's types declare only the index.
declare module 'seedrandom/lib/alea.js' {
  import type { PRNG } from 'seedrandom';
  export default function alea(seed?: string): PRNG;
}
