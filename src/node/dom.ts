/**
 * A document for charts to draw into in Node, where there is no page: a
 * small DOM (linkedom) is enough for Plot, which only builds SVG elements.
 * In a browser, charts use the page's own document. Loaded only when asked
 * for, as linkedom takes a moment to load.
 */
export async function chartDocument(): Promise<Document> {
  const { parseHTML } = await import('linkedom');
  return parseHTML('<!DOCTYPE html><html><head></head><body></body></html>').document as unknown as Document;
}
