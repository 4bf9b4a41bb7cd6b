import { parse } from 'mathjs/number';
import { useExpressionParser } from './expression.js';

// Imported for this effect by the entry points a browser loads (see expression.ts).
useExpressionParser(parse);
