import { parseHTML } from 'linkedom';

/**
 * A document for charts to draw into in Node, where there is no page: a
 * small DOM (linkedom) is enough for Plot, which only builds SVG elements.
 * In a browser, charts use the page's own document.
 */
export function chartDocument(): Document {
  return parseHTML('<!DOCTYPE html><html><head></head><body></body></html>').document as unknown as Document;
}
